package dev.connect.oauth.adapter.persistence;

/** Outages of an H2 database served over TCP: the proxy cuts the network between adapter and server. */
class H2StoreOutageTest extends StoreOutageSuite {
    @Override
    TestDatabase createDatabase() {
        return new H2TestDatabase();
    }
}

/**
 * End-to-end tests: the real server ({@code ConnectServer}) on the embedded H2 database and on
 * MariaDB, driven over HTTP by a real OAuth client (the Nimbus OAuth 2.0 SDK), a real browser
 * (headless Chromium through Selenium) and plain {@code java.net.http} calls for every row of
 * API.md §1. Each suite starts one server per database and test class.
 *
 * <p>The fleet suite ({@code *IT}, run by maven-failsafe after the fat jar is packaged) starts
 * server nodes as OS processes ({@link dev.connect.oauth.bootstrap.e2e.FleetNode}) sharing one
 * MariaDB or the Galera cluster of {@code .ci/galera}, and breaks what production breaks: a node
 * killed under load, the database cut off, a Galera node killed, races across Galera nodes. Each
 * test prints a {@code FLEET ...} line of figures.
 */
package dev.connect.oauth.bootstrap.e2e;

/**
 * The out-port contract suite: one abstract JUnit 5 class per store port, stating its Javadoc promise (atomicity
 * included) as tests. An adapter proves itself by extending a contract and returning the ports of an empty store
 * from {@link dev.connect.oauth.testkit.contract.StoreContract#openStore()}; adapter-memory and the jOOQ adapter (on
 * H2 and MariaDB) run every contract, and so can a team's own adapter.
 */
package dev.connect.oauth.testkit.contract;

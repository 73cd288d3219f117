/**
 * Out-ports: what the use cases need from the outside world (stores, signing, hashing,
 * randomness, audit), named by the role they play. Each states its atomicity promise; the port
 * contract suite in this module's test-jar checks it for every adapter.
 */
package dev.connect.oauth.application.port.out;

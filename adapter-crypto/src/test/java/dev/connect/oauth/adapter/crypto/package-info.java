/**
 * Tests of the crypto adapter through its public factory: access tokens checked the way a
 * resource server checks them (Nimbus against the published JWK Set), key rotation on a shared
 * in-memory key store with a test clock, and the hashers and generator against their ports.
 */
package dev.connect.oauth.adapter.crypto;

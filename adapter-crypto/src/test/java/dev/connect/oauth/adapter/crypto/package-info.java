/**
 * Tests of the crypto adapter through its public factory: the hashers and the generator against
 * their ports.
 */
package dev.connect.oauth.adapter.crypto;

/**
 * The crypto adapter: JWT access tokens signed with ES256 keys that live in the shared key store
 * and rotate with overlap (RFC 9068, RFC 7517), Argon2id password hashing (RFC 9106), SHA-256
 * hashing of high-entropy secrets and secure random secrets. Everything is package-private
 * except {@link dev.connect.oauth.adapter.crypto.CryptoAdapter}, the factory the composition root
 * calls, and {@link dev.connect.oauth.adapter.crypto.SigningKeys}, which adds key rotation for the
 * CLI to the access-token codec.
 */
package dev.connect.oauth.adapter.crypto;

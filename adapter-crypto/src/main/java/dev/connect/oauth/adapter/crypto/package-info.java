/**
 * The crypto adapter: Argon2id password hashing (RFC 9106), SHA-256 hashing of high-entropy
 * secrets and secure random secrets. Everything is package-private except
 * {@link dev.connect.oauth.adapter.crypto.CryptoAdapter}, the factory the composition root calls.
 */
package dev.connect.oauth.adapter.crypto;

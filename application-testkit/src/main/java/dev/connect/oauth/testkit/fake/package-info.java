/**
 * Fast, deterministic stand-ins of the crypto out-ports (secret generation and hashing, password hashing, token
 * encoding) for tests of the use cases and of other adapters. Never fit for production: use adapter-crypto there.
 */
package dev.connect.oauth.testkit.fake;

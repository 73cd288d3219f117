/**
 * In-memory fakes of every out-port, for service tests and for running the port contract suite
 * without a database. The store-backed ones share one {@link dev.connect.oauth.application.fake.InMemoryStore}
 * and keep the promises of the port Javadoc (atomic redeem and rotation, unique email and phone,
 * revocation cascades) as a database with foreign keys would: rows that others refer to must be
 * added first. The non-store fakes (secret generation, hashing, token encoding) are fast and
 * simple stand-ins, never fit for production.
 */
package dev.connect.oauth.application.fake;

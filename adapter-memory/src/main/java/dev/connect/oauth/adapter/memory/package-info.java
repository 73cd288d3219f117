/**
 * Every store out-port in memory, over one {@link dev.connect.oauth.adapter.memory.InMemoryStore}: the tables of
 * one database in maps, every port call one atomic step under the store's lock, so the ports' promises hold
 * (single-use redeem and rotation, unique email and phone, revocation cascades) for any number of threads of one
 * process. Like a database with foreign keys, the store refuses rows whose referenced rows are missing.
 * {@link dev.connect.oauth.adapter.memory.InMemoryPorts} is the one entry point; the adapters are package-private.
 * Nothing survives the process and nothing is shared between processes: fit for tests, demos and single-node
 * embeddings without durability, never for a fleet.
 */
package dev.connect.oauth.adapter.memory;

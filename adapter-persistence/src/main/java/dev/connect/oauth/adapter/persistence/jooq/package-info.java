/**
 * The jOOQ classes of the schema (tables, records, keys). The rest of this package is generated at
 * build time by jOOQ's {@code DDLDatabase} from the Flyway scripts in {@code db/migration}, into
 * {@code target/generated-sources/jooq}, and never committed: the migrations stay the one source of
 * the schema. Architecture scans leave this package out.
 */
package dev.connect.oauth.adapter.persistence.jooq;

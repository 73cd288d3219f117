/**
 * JMH benchmarks of the persistence adapter's hot paths on a real MariaDB (or MySQL): what one
 * token request costs the database. Built and run only with the {@code bench} Maven profile; the
 * figures and the command that reproduces them are in {@code bench/README.md}.
 */
package dev.connect.oauth.bench;

/**
 * The OAuth core's vocabulary: immutable value objects and small aggregates that enforce their
 * own rules (exact redirect matching, PKCE, single-use codes, refresh rotation), and
 * {@link dev.connect.oauth.domain.ErrorCode}, the one table of every error the server reports.
 *
 * <p>Pure Java: nothing here depends on a framework, on time ({@link java.time.Clock} values are
 * passed in) or on randomness.
 */
package dev.connect.oauth.domain;

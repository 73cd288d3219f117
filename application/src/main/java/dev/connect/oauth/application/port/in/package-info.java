/**
 * In-ports: one interface per use case, named by intent, each with one method taking a command
 * record that validates itself. Expected rejections are {@link dev.connect.oauth.domain.OAuthException}s
 * carrying an {@link dev.connect.oauth.domain.ErrorCode}. Use cases are synchronous and may block
 * (on a database): callers choose the thread.
 *
 * <p>Raw request parameters travel as strings, where {@code null} means "absent"; the use case
 * parses them into domain values so every adapter gets the same rules.
 */
package dev.connect.oauth.application.port.in;

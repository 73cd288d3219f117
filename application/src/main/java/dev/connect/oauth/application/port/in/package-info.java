/**
 * In-ports: one interface per use case, named by intent, each with one method taking a command
 * record that validates itself. Expected rejections are {@link dev.connect.oauth.domain.OAuthException}s
 * carrying an {@link dev.connect.oauth.domain.ErrorCode}. Use cases are synchronous and may block
 * (on a database): callers choose the thread.
 *
 * <p>No parameter or result is {@code null}: what may be absent is an {@link java.util.Optional}.
 * Registered values are types with a {@code parse} ({@link dev.connect.oauth.domain.GrantType},
 * {@link dev.connect.oauth.domain.TokenTypeHint}, {@link ConsentDecision}, ...). A parameter stays
 * text where the protocol fixes when it may be rejected: an authorization request's fields only
 * after its client and redirect URI are verified (RFC 6749 §4.1.2.1), a token request's only after
 * its client authenticated (RFC 6749 §5.2), an admin request's only after the caller's rights.
 */
package dev.connect.oauth.application.port.in;

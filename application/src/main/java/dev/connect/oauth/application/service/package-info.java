/**
 * The use-case implementations: one small public class per in-port, named by what it does
 * ({@code ExchangeCodeService}), with an {@code @Inject} constructor taking out-ports, a
 * {@link java.time.Clock} and the {@link dev.connect.oauth.application.OAuthPolicy}. Rules more
 * than one use case applies (client authentication, token minting, the authorization request
 * check, API key minting, the audit trail) live once, in package-private helpers the services
 * build for themselves, so the wiring only ever sees out-ports.
 *
 * <p>Every rejection of user input is an {@link dev.connect.oauth.domain.OAuthException}; no
 * service lets a {@link NullPointerException} or {@link IllegalArgumentException} escape for
 * something a caller sent.
 */
package dev.connect.oauth.application.service;

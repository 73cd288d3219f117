package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code grant_type=authorization_code}: {@code code}, {@code redirect_uri} and
 * {@code code_verifier} as received. A missing {@code code} is the use case's
 * {@code invalid_request}, answered only after the client authenticated (RFC 6749 §5.2 order).
 *
 * @param dpop the request's DPoP proof, which binds the tokens to its key (RFC 9449 §5)
 */
public record ExchangeCodeCommand(ClientCredentials client, Optional<String> code, Optional<String> redirectUri,
                                  Optional<String> codeVerifier, Optional<DpopRequest> dpop) {
    public ExchangeCodeCommand {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(dpop, "dpop");
    }

    /** An exchange without a DPoP proof: for bearer tokens. */
    public ExchangeCodeCommand(ClientCredentials client, Optional<String> code, Optional<String> redirectUri,
                               Optional<String> codeVerifier) {
        this(client, code, redirectUri, codeVerifier, Optional.empty());
    }

    @Override
    public String toString() {
        return "ExchangeCodeCommand[client=" + client + ", redirectUri=" + redirectUri + ", dpop=" + dpop + "]";
    }
}

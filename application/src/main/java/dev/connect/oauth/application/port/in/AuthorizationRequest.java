package dev.connect.oauth.application.port.in;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parameters of an authorization request as received. They stay text because the request is
 * checked in the order RFC 6749 §4.1.2.1 sets: client and redirect URI first, never redirected;
 * only then the rest, whose errors (a bad {@code response_type} or {@code code_challenge_method}
 * among them) go back to the client. A parameter sent empty counts as absent (RFC 6749 §3.1).
 *
 * @param repeatedParameters the names the request carried more than once, which RFC 6749 §3.1
 *                           forbids: the check rejects the request, redirecting the error only
 *                           when neither {@code client_id} nor {@code redirect_uri} is among them
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1">RFC 6749 §4.1.1</a>
 * @param dpopJkt            the thumbprint of the DPoP key the code is to be bound to (RFC 9449 §10)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.3">RFC 7636 §4.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-10">RFC 9449 §10</a>
 */
public record AuthorizationRequest(Optional<String> responseType, Optional<String> clientId,
                                   Optional<String> redirectUri, Optional<String> scope, Optional<String> state,
                                   Optional<String> codeChallenge, Optional<String> codeChallengeMethod,
                                   List<String> repeatedParameters, Optional<String> dpopJkt) {
    /** The wire names of the parameters, in the order of the record's components. */
    public static final List<String> PARAMETERS = List.of("response_type", "client_id", "redirect_uri", "scope",
            "state", "code_challenge", "code_challenge_method", "dpop_jkt");

    public AuthorizationRequest {
        responseType = present(responseType, "responseType");
        clientId = present(clientId, "clientId");
        redirectUri = present(redirectUri, "redirectUri");
        scope = present(scope, "scope");
        state = present(state, "state");
        codeChallenge = present(codeChallenge, "codeChallenge");
        codeChallengeMethod = present(codeChallengeMethod, "codeChallengeMethod");
        repeatedParameters = Objects.requireNonNull(repeatedParameters, "repeatedParameters").stream()
                .map(Objects::requireNonNull).distinct().sorted().toList();
        dpopJkt = present(dpopJkt, "dpopJkt");
    }

    /** A request without {@code dpop_jkt}. */
    public AuthorizationRequest(Optional<String> responseType, Optional<String> clientId, Optional<String> redirectUri,
                                Optional<String> scope, Optional<String> state, Optional<String> codeChallenge,
                                Optional<String> codeChallengeMethod, List<String> repeatedParameters) {
        this(responseType, clientId, redirectUri, scope, state, codeChallenge, codeChallengeMethod, repeatedParameters,
                Optional.empty());
    }

    /** The request whose parameter {@code name} (a wire name of {@link #PARAMETERS}) is {@code parameters.apply(name)}. */
    public static AuthorizationRequest of(Function<String, Optional<String>> parameters, Collection<String> repeated) {
        Objects.requireNonNull(parameters, "parameters");
        List<Optional<String>> values = PARAMETERS.stream().map(parameters).toList();
        return new AuthorizationRequest(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4),
                values.get(5), values.get(6), List.copyOf(repeated), values.get(7));
    }

    /** The request of these parameters by wire name, none repeated. */
    public static AuthorizationRequest of(Map<String, String> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        return of(name -> Optional.ofNullable(parameters.get(name)), List.of());
    }

    /** The parameters present, by wire name in the order of {@link #PARAMETERS}: to carry the request on to the next form. */
    public Map<String, String> parameters() {
        List<Optional<String>> values = List.of(responseType, clientId, redirectUri, scope, state, codeChallenge,
                codeChallengeMethod, dpopJkt);
        Map<String, String> present = new LinkedHashMap<>();
        for (int i = 0; i < PARAMETERS.size(); i++) {
            String name = PARAMETERS.get(i);
            values.get(i).ifPresent(value -> present.put(name, value));
        }
        return present;
    }

    /** Whether {@code name} came more than once. */
    public boolean isRepeated(String name) {
        return repeatedParameters.contains(name);
    }

    private static Optional<String> present(Optional<String> value, String name) {
        return Objects.requireNonNull(value, name).filter(text -> !text.isEmpty());
    }
}

package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.DpopRequest;
import dev.connect.oauth.application.port.in.GetDpopParametersUseCase;
import dev.connect.oauth.application.port.in.PresentedAccessToken;
import dev.connect.oauth.domain.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * DPoP over HTTP (RFC 9449): reads the {@code DPoP} header of a request, with the method and the
 * public URL its proof must name (the issuer and the request's path); reads
 * {@code Authorization: Bearer} and {@code Authorization: DPoP} at the protected resources; and
 * answers every request that carries DPoP with a fresh {@code DPoP-Nonce}, so clients always hold
 * a current nonce (§8.2). The challenges of the resources' errors are {@link ErrorMapper}'s.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449">RFC 9449</a>
 */
final class DpopExchange {
    static final String DPOP_HEADER = "DPoP";
    static final String NONCE_HEADER = "DPoP-Nonce";
    /** Context key: the request is a protected resource's, with the scheme its token came with (or none). */
    static final String RESOURCE_SCHEME = "connect.resourceScheme";
    private static final String BEARER = "bearer";
    private static final String DPOP = "dpop";

    private final GetDpopParametersUseCase parameters;
    private final String issuer;

    DpopExchange(GetDpopParametersUseCase parameters, String issuer) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    /**
     * A route handler: a request carrying a {@code DPoP} header or the {@code DPoP} scheme is
     * answered with {@code DPoP-Nonce}, success or error.
     */
    void answerWithNonce(RoutingContext ctx) {
        boolean dpop = ctx.request().headers().contains(DPOP_HEADER)
                || ctx.request().headers().getAll(HttpHeaders.AUTHORIZATION).stream().anyMatch(DpopExchange::isDpopScheme);
        if (dpop) {
            ctx.addHeadersEndHandler(ignored -> ctx.response().putHeader(NONCE_HEADER, parameters.currentNonce()));
        }
        ctx.next();
    }

    /** The request's DPoP proof, empty without a {@code DPoP} header. */
    Optional<DpopRequest> request(RoutingContext ctx) {
        List<String> proofs = ctx.request().headers().getAll(DPOP_HEADER);
        if (proofs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DpopRequest(proofs, ctx.request().method().name(), issuer + ctx.request().path()));
    }

    /**
     * The access token of a protected resource's request (RFC 6750 §2.1, RFC 9449 §7.1), its
     * scheme and proof; remembers the scheme for the error's challenge.
     */
    PresentedAccessToken presentedToken(RoutingContext ctx) {
        ctx.put(RESOURCE_SCHEME, PresentedAccessToken.Scheme.BEARER);
        List<String> headers = ctx.request().headers().getAll(HttpHeaders.AUTHORIZATION);
        if (headers.isEmpty()) {
            return PresentedAccessToken.bearer(Optional.empty());
        }
        if (headers.size() > 1) {
            throw ErrorCode.INVALID_REQUEST.exception("The Authorization header must not be repeated.");
        }
        String header = headers.getFirst().strip();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header.toLowerCase(Locale.ROOT) : header.substring(0, space).toLowerCase(Locale.ROOT);
        Optional<String> token = space < 0 ? Optional.empty()
                : Optional.of(header.substring(space + 1).strip()).filter(value -> !value.isEmpty());
        return switch (scheme) {
            case BEARER -> new PresentedAccessToken(token, PresentedAccessToken.Scheme.BEARER, request(ctx));
            case DPOP -> {
                ctx.put(RESOURCE_SCHEME, PresentedAccessToken.Scheme.DPOP);
                yield new PresentedAccessToken(token, PresentedAccessToken.Scheme.DPOP, request(ctx));
            }
            default -> throw ErrorCode.INVALID_TOKEN.exception(
                    "Send the access token as Authorization: Bearer <token> or Authorization: DPoP <token>.");
        };
    }

    /**
     * The {@code WWW-Authenticate} challenge of the DPoP scheme (RFC 9449 §7.1), with
     * {@code error} when there is one.
     */
    String challenge(Optional<ErrorCode> error) {
        String algs = "algs=\"" + String.join(" ", parameters.algorithms()) + "\"";
        return error.map(code -> "DPoP error=\"" + code.error() + "\", " + algs).orElse("DPoP " + algs);
    }

    private static boolean isDpopScheme(String authorization) {
        String value = authorization.strip();
        return value.regionMatches(true, 0, DPOP + ' ', 0, DPOP.length() + 1);
    }
}

package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.GetJwkSetUseCase;
import dev.connect.oauth.application.port.out.AccessTokenCodec;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * The JWKS endpoint's document: every public key whose tokens may still be valid, so resource
 * servers verify access tokens offline, across key rotations.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7517#section-5">RFC 7517 §5</a>
 */
public final class GetJwkSetService implements GetJwkSetUseCase {
    private final AccessTokenCodec codec;

    @Inject
    public GetJwkSetService(AccessTokenCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public String jwkSetJson() {
        return codec.publicJwkSetJson();
    }
}

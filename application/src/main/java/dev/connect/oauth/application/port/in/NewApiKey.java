package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.ApiKey;
import dev.connect.oauth.domain.IssuedApiKey;
import java.util.Objects;

/** A freshly issued API key: the key itself, shown once, and what is kept of it. */
public record NewApiKey(IssuedApiKey issued, ApiKey key) {
    public NewApiKey {
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(key, "key");
    }
}

package dev.connect.oauth.domain;

import java.util.Optional;
import java.util.function.Function;

/** The one lookup of a registered value by its exact, case-sensitive wire spelling. */
final class WireNames {
    private WireNames() {
    }

    static <T> Optional<T> find(T[] registered, Function<T, String> wireName, String value) {
        for (T candidate : registered) {
            if (wireName.apply(candidate).equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

package dev.connect.oauth.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A value of the OpenID Connect {@code prompt} parameter: whether the server may, or must, show
 * its pages. {@code select_account} is honoured as a fresh sign-in (the one way to choose an
 * account here).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OpenID Connect Core 1.0 §3.1.2.1</a>
 */
public enum Prompt {
    NONE, LOGIN, CONSENT, SELECT_ACCOUNT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the space-separated list; an unknown value, or {@code none} beside another value, is
     * {@code invalid_request} (Core §3.1.2.1).
     */
    public static Set<Prompt> parse(String value) {
        EnumSet<Prompt> prompts = EnumSet.noneOf(Prompt.class);
        for (String token : value.trim().split(" +")) {
            if (token.isEmpty()) {
                continue;
            }
            prompts.add(fromWireName(token));
        }
        if (prompts.contains(NONE) && prompts.size() > 1) {
            throw ErrorCode.INVALID_REQUEST.exception("prompt=none cannot be combined with another value.");
        }
        return Set.copyOf(prompts);
    }

    private static Prompt fromWireName(String token) {
        for (Prompt prompt : values()) {
            if (prompt.wireName().equals(token)) {
                return prompt;
            }
        }
        throw ErrorCode.INVALID_REQUEST.exception("Unknown prompt value.");
    }
}

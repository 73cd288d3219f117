package dev.connect.oauth.adapter.http;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pages' texts in one language, from the message bundles ({@code messages.properties},
 * English, and {@code messages_de.properties}, German), chosen by {@code Accept-Language}
 * (RFC 9110 §12.5.4): the highest-weighted language we have, else English; an authorization
 * request's {@code ui_locales} goes first.
 */
final class Messages {
    private static final String BUNDLE = "dev.connect.oauth.adapter.http.messages";
    private static final Map<String, Messages> BY_LANGUAGE = Map.of(
            "en", new Messages(Locale.ENGLISH),
            "de", new Messages(Locale.GERMAN));
    private static final Messages DEFAULT = BY_LANGUAGE.get("en");
    private static final Pattern ARGUMENT = Pattern.compile("\\{([0-9])}");

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static Messages forAcceptLanguage(String header) {
        // A stable sort keeps the header's order among equal weights.
        return Weighted.parse(header).stream()
                .filter(range -> range.quality() > 0 && BY_LANGUAGE.containsKey(primary(range.value())))
                .sorted(Comparator.comparingDouble(Weighted::quality).reversed())
                .map(range -> BY_LANGUAGE.get(primary(range.value())))
                .findFirst().orElse(DEFAULT);
    }

    /**
     * The first language of {@code uiLocales} (OpenID Connect Core §3.1.2.1: space-separated
     * BCP 47 tags, most preferred first) that we have, else as {@link #forAcceptLanguage}.
     */
    static Messages forRequest(Optional<String> uiLocales, String acceptLanguage) {
        return uiLocales.stream().flatMap(tags -> Stream.of(tags.trim().split(" +")))
                .map(tag -> BY_LANGUAGE.get(primary(tag.toLowerCase(Locale.ROOT))))
                .filter(Objects::nonNull)
                .findFirst().orElseGet(() -> forAcceptLanguage(acceptLanguage));
    }

    /** The primary language subtag: {@code de} of {@code de-CH}. */
    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    String language() {
        return locale.getLanguage();
    }

    /** The text for {@code key}, with {@code {0}}, {@code {1}}… replaced by the arguments. */
    String text(String key, String... arguments) {
        // One pass, so that an argument containing "{1}" stays as it is.
        return ARGUMENT.matcher(bundle.getString(key)).replaceAll(hole -> {
            int index = Integer.parseInt(hole.group(1));
            return Matcher.quoteReplacement(Objects.requireNonNull(arguments[index], "argument"));
        });
    }

    /** The text for {@code key}, or empty when the bundle has none (e.g. a scope outside the catalogue). */
    Optional<String> optionalText(String key, String... arguments) {
        try {
            return Optional.of(text(key, arguments));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }
}

package dev.connect.oauth.adapter.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages' texts in one language, from the message bundles ({@code messages.properties},
 * English, and {@code messages_de.properties}, German), chosen by {@code Accept-Language}
 * (RFC 9110 §12.5.4): the highest-weighted language we have, else English.
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
        if (header == null) {
            return DEFAULT;
        }
        record Weighted(String language, double quality) {
        }
        List<Weighted> ranges = new ArrayList<>();
        for (String range : header.split(",", -1)) {
            String[] parts = range.split(";", -1);
            String tag = parts[0].strip().toLowerCase(Locale.ROOT);
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].split("=", 2);
                if (parameter.length == 2 && parameter[0].strip().equals("q")) {
                    try {
                        quality = Double.parseDouble(parameter[1].strip());
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            int dash = tag.indexOf('-');
            ranges.add(new Weighted(dash < 0 ? tag : tag.substring(0, dash), quality));
        }
        // A stable sort keeps the header's order among equal weights.
        return ranges.stream()
                .filter(range -> range.quality() > 0 && BY_LANGUAGE.containsKey(range.language()))
                .sorted(Comparator.comparingDouble(Weighted::quality).reversed())
                .map(range -> BY_LANGUAGE.get(range.language()))
                .findFirst().orElse(DEFAULT);
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

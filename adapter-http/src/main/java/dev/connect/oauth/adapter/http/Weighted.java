package dev.connect.oauth.adapter.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One element of a header of weighted values, such as {@code Accept} or {@code Accept-Language}
 * (RFC 9110 §12.4.2): the value in lower case and its quality, 1 unless {@code q} says otherwise.
 */
record Weighted(String value, double quality) {
    /** The elements in header order; empty or malformed ones are left out, as if absent. */
    static List<Weighted> parse(String header) {
        List<Weighted> elements = new ArrayList<>();
        if (header == null) {
            return elements;
        }
        for (String element : header.split(",", -1)) {
            String[] parts = element.split(";", -1);
            String value = parts[0].strip().toLowerCase(Locale.ROOT);
            Optional<Double> quality = Optional.of(1.0);
            for (int i = 1; i < parts.length && quality.isPresent(); i++) {
                String[] parameter = parts[i].split("=", 2);
                if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("q")) {
                    quality = quality(parameter[1].strip());
                }
            }
            if (!value.isEmpty() && quality.isPresent()) {
                elements.add(new Weighted(value, quality.get()));
            }
        }
        return elements;
    }

    /** A qvalue between 0 and 1, or empty when it is none. */
    private static Optional<Double> quality(String text) {
        try {
            double quality = Double.parseDouble(text);
            return quality >= 0 && quality <= 1 ? Optional.of(quality) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

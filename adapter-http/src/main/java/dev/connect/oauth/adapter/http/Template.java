package dev.connect.oauth.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page template: HTML with {@code {{name}}} holes. A {@link String} value is escaped into its
 * hole, an {@link Html} value is inserted as is. A few holes and no logic do not need a template
 * engine, and this way nothing can reach a page unescaped by accident.
 */
final class Template {
    private static final Pattern HOLE = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

    private final String text;
    private final List<String> literals = new ArrayList<>();
    private final List<String> holes = new ArrayList<>();

    private Template(String text) {
        this.text = text;
        Matcher matcher = HOLE.matcher(text);
        int last = 0;
        while (matcher.find()) {
            literals.add(text.substring(last, matcher.start()));
            holes.add(matcher.group(1));
            last = matcher.end();
        }
        literals.add(text.substring(last));
    }

    static Template load(String name) {
        try (InputStream in = Template.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing page template " + name);
            }
            return new Template(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read page template " + name, e);
        }
    }

    /** The template's own text, unrendered (for hashing its inline style). */
    String text() {
        return text;
    }

    Html render(Map<String, ?> values) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        for (int i = 0; i < holes.size(); i++) {
            out.append(literals.get(i));
            Object value = values.get(holes.get(i));
            switch (value) {
                case Html html -> out.append(html.markup());
                case String string -> out.append(Html.escape(string));
                case null -> throw new IllegalStateException("No value for {{" + holes.get(i) + "}}");
                default -> throw new IllegalStateException("{{" + holes.get(i) + "}} takes text or Html");
            }
        }
        out.append(literals.getLast());
        return new Html(out.toString());
    }
}

package dev.connect.oauth.adapter.http;

import java.util.Objects;

/**
 * Markup for the pages. Text is escaped wherever it goes; only markup built here from escaped
 * parts, or a template's own text, is inserted as is. That is the whole defence against
 * injection, so there is no other way to make an {@link Html}.
 */
record Html(String markup) {
    static final Html EMPTY = new Html("");

    Html {
        Objects.requireNonNull(markup, "markup");
    }

    /** Escapes the five characters that matter in element content and quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static Html hidden(String name, String value) {
        return new Html("<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">");
    }

    /** {@code <tag id="id" class="cls">text</tag>}; id and class are constants of this module. */
    static Html element(String tag, String id, String cssClass, String text) {
        return new Html("<" + tag + (id == null ? "" : " id=\"" + escape(id) + "\"")
                + (cssClass == null ? "" : " class=\"" + escape(cssClass) + "\"") + ">" + escape(text) + "</" + tag + ">");
    }

    Html append(Html more) {
        return new Html(markup + more.markup);
    }
}

package dev.connect.oauth.adapter.http;

import java.net.HttpCookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser as far as the pages care: it keeps cookies and sends forms. Redirects are followed by hand. */
final class Browser {
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final TestServer server;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private final String acceptLanguage;

    Browser(TestServer server, String acceptLanguage) {
        this.server = server;
        this.acceptLanguage = acceptLanguage;
    }

    Browser(TestServer server) {
        this(server, "en-GB,en;q=0.9");
    }

    Reply get(String path) {
        return keep(server.get(path, headers()));
    }

    /** Posts a page's form: its hidden fields plus {@code fields} ({@code name=value}, already encoded). */
    Reply submit(String action, Reply page, String... fields) {
        List<String> form = new ArrayList<>(hiddenFields(page));
        form.addAll(List.of(fields));
        return post(action, String.join("&", form));
    }

    Reply post(String path, String form) {
        return keep(server.postForm(path, form, headers()));
    }

    /** Sends {@code name: value} with every later request (instead of any earlier value), as a proxy would add it. */
    Browser withHeader(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    void forget(String name) {
        cookies.remove(name);
    }

    /** The page's hidden inputs, form-encoded, with {@code name} set to {@code value} (encoded) instead. */
    static String hiddenFieldsWith(Reply page, String name, String value) {
        return hiddenFields(page).stream().map(field -> field.startsWith(name + "=") ? name + "=" + value : field)
                .collect(Collectors.joining("&"));
    }

    /** The page's hidden inputs, form-encoded, as a browser would send them. */
    static List<String> hiddenFields(Reply page) {
        List<String> fields = new ArrayList<>();
        Matcher matcher = HIDDEN.matcher(page.body());
        while (matcher.find()) {
            fields.add(FormCodec.encode(unescape(matcher.group(1))) + "=" + FormCodec.encode(unescape(matcher.group(2))));
        }
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private String[] headers() {
        List<String> headers = new ArrayList<>(List.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8",
                "Accept-Language", acceptLanguage));
        extraHeaders.forEach((name, value) -> headers.addAll(List.of(name, value)));
        if (!cookies.isEmpty()) {
            headers.add("Cookie");
            headers.add(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        return headers.toArray(String[]::new);
    }

    private Reply keep(Reply reply) {
        for (String header : reply.headers().allValues("Set-Cookie")) {
            for (HttpCookie cookie : HttpCookie.parse(header)) {
                if (cookie.getMaxAge() == 0) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
        }
        return reply;
    }
}

package dev.connect.oauth.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A set of {@link ResourceIndicator}s in the order first given: the resources a client registered,
 * those an authorization request bound to its code and refresh tokens, or those an access token
 * is for (its {@code aud}). {@link #NONE} means "no resource indicated": the token is for the
 * server's default audience, as without RFC 8707.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707">RFC 8707</a>
 */
public record ResourceSet(List<ResourceIndicator> resources) {
    /** At most as many as a client may register redirect URIs. */
    public static final int MAX_RESOURCES = Client.MAX_REDIRECT_URIS;
    public static final ResourceSet NONE = new ResourceSet(List.of());

    public ResourceSet {
        resources = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(resources, "resources")));
    }

    /** Each value parsed; {@code invalid_target} for the first that is not a resource indicator. */
    public static ResourceSet parse(Collection<String> values) {
        Objects.requireNonNull(values, "values");
        return new ResourceSet(values.stream().map(ResourceIndicator::parse).toList());
    }

    /**
     * The resources a client registers: at most {@link #MAX_RESOURCES}, each a resource indicator;
     * a bad one is {@code invalid_request}, as every bad registration member is.
     */
    public static ResourceSet register(Optional<List<String>> values) {
        List<String> given = Objects.requireNonNull(values, "values").orElse(List.of());
        if (given.size() > MAX_RESOURCES) {
            throw ErrorCode.INVALID_REQUEST.exception("At most " + MAX_RESOURCES + " resources.");
        }
        try {
            return parse(given);
        } catch (OAuthException invalid) {
            throw ErrorCode.INVALID_REQUEST.exception("resources: " + invalid.description());
        }
    }

    /** The space-separated form (a URI never holds a space), {@code null} or empty for {@link #NONE}. */
    public static ResourceSet parseStored(String stored) {
        if (stored == null || stored.isEmpty()) {
            return NONE;
        }
        return parse(Arrays.asList(stored.split(" ")));
    }

    /**
     * The resources {@code requested} of these ones: all of these when none is requested, else the
     * requested ones, each of which must be among these. That one rule serves the authorization
     * request (these: the client's registered resources) and the token request (these: the
     * resources bound to the code or refresh token, or, for client credentials, registered).
     *
     * @throws OAuthException {@code invalid_target} for a malformed or unallowed resource (RFC 8707 §2)
     */
    public ResourceSet narrow(Collection<String> requested) {
        ResourceSet asked = parse(requested);
        if (asked.isEmpty()) {
            return this;
        }
        for (ResourceIndicator resource : asked.resources) {
            if (!resources.contains(resource)) {
                throw ErrorCode.INVALID_TARGET.exception("resource " + resource + " is not allowed here"
                        + (resources.isEmpty() ? ": none was registered or requested." : "."));
            }
        }
        return asked;
    }

    /** The {@code aud} of an access token for these resources: them, or {@code defaultAudience} for {@link #NONE}. */
    public List<String> audience(String defaultAudience) {
        Objects.requireNonNull(defaultAudience, "defaultAudience");
        return isEmpty() ? List.of(defaultAudience) : values();
    }

    public List<String> values() {
        return resources.stream().map(ResourceIndicator::value).toList();
    }

    public boolean isEmpty() {
        return resources.isEmpty();
    }

    /** The stored form: space-separated; empty for {@link #NONE}. */
    @Override
    public String toString() {
        return resources.stream().map(ResourceIndicator::value).collect(Collectors.joining(" "));
    }
}

package dev.connect.oauth.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An immutable, ordered set of scopes, written on the wire as a space-separated list.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.3">RFC 6749 §3.3</a>
 */
public record ScopeSet(SortedSet<Scope> scopes) {
    /** In a request, {@code *} stands for every scope the client may ask for (seed 000). */
    public static final String WILDCARD = "*";
    public static final ScopeSet EMPTY = new ScopeSet(new TreeSet<>());
    private static final int MAX_LENGTH = 1024;

    public ScopeSet {
        Objects.requireNonNull(scopes, "scopes");
        scopes = Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
    }

    public static ScopeSet of(Scope... scopes) {
        return of(java.util.List.of(scopes));
    }

    public static ScopeSet of(Collection<Scope> scopes) {
        return new ScopeSet(new TreeSet<>(scopes));
    }

    /**
     * Parses a space-separated list of concrete scopes (no wildcard), such as a client's
     * registration or a stored value. Repeated scopes collapse; an empty list is the empty set.
     */
    public static ScopeSet parse(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH) {
            throw ErrorCode.INVALID_SCOPE.exception("The scope list is too long.");
        }
        TreeSet<Scope> parsed = new TreeSet<>();
        for (String token : value.split(" ")) {
            if (!token.isEmpty()) {
                parsed.add(Scope.parse(token));
            }
        }
        return new ScopeSet(parsed);
    }

    /**
     * Resolves a requested scope list against what the client may ask for: {@code *} expands to
     * {@code allowed}, and any scope outside {@code allowed} is {@code invalid_scope}. An absent
     * or blank request yields {@code whenAbsent} (RFC 6749 §3.3 lets the server pick a default).
     */
    public static ScopeSet resolve(Optional<String> requested, ScopeSet allowed, ScopeSet whenAbsent) {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(whenAbsent, "whenAbsent");
        if (requested.isEmpty() || requested.get().isBlank()) {
            return whenAbsent;
        }
        String[] tokens = requested.get().trim().split(" +");
        if (tokens.length == 1 && tokens[0].equals(WILDCARD)) {
            return allowed;
        }
        for (String token : tokens) {
            if (token.equals(WILDCARD)) {
                throw ErrorCode.INVALID_SCOPE.exception("* cannot be combined with other scopes.");
            }
        }
        ScopeSet parsed = parse(String.join(" ", tokens));
        if (!allowed.containsAll(parsed)) {
            TreeSet<Scope> outside = new TreeSet<>(parsed.scopes);
            outside.removeAll(allowed.scopes);
            throw ErrorCode.INVALID_SCOPE.exception("Scope not allowed for this client: " + ScopeSet.of(outside) + ".");
        }
        return parsed;
    }

    public boolean contains(Scope scope) {
        return scopes.contains(scope);
    }

    public boolean containsAll(ScopeSet other) {
        return scopes.containsAll(other.scopes);
    }

    /** The scopes of this set and of {@code other}. */
    public ScopeSet union(ScopeSet other) {
        TreeSet<Scope> both = new TreeSet<>(scopes);
        both.addAll(other.scopes);
        return new ScopeSet(both);
    }

    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    /** The space-separated wire form, in a stable order. */
    @Override
    public String toString() {
        return scopes.stream().map(Scope::value).collect(Collectors.joining(" "));
    }
}

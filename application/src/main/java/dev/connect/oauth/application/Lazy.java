package dev.connect.oauth.application;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use and kept: for work a start need not wait for (an Argon2 hash, an HTTP
 * client, a parsed document), done once by whichever thread asks first. Thread-safe.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {
    private Supplier<? extends T> maker;
    private volatile T value;

    private Lazy(Supplier<? extends T> maker) {
        this.maker = maker;
    }

    /** A value {@code maker} makes on the first {@link #get()}; it must not return null. */
    public static <T> Lazy<T> of(Supplier<? extends T> maker) {
        return new Lazy<>(Objects.requireNonNull(maker, "maker"));
    }

    @Override
    public T get() {
        T made = value;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (value == null) {
                value = Objects.requireNonNull(maker.get(), "the value made");
                maker = null;
            }
            return value;
        }
    }
}

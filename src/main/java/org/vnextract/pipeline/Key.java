package org.vnextract.pipeline;

import java.util.Objects;
import org.vnextract.internal.Validate;

/**
 * A typed slot of an {@link Analysis}: what a {@link Stage} requires or provides. Keys are compared
 * by identity, so each is declared once as a constant next to the type it carries (CoreNLP's
 * annotation classes play the same role).
 *
 * <p>Immutable; thread-safe.
 *
 * @param <T> the type of the value stored under this key
 */
public final class Key<T> {
    private final String name;
    private final Class<?> type;

    private Key(String name, Class<?> type) {
        this.name = Validate.notEmpty(name, "name");
        this.type = Validate.notNull(type, "type");
    }

    public static <T> Key<T> of(String name, Class<? super T> type) {
        return new Key<>(name, type);
    }

    /** A key for a list of values (an extractor's output). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> Key<java.util.List<T>> listOf(String name) {
        return (Key<java.util.List<T>>) (Key) new Key<>(name, java.util.List.class);
    }

    public String name() {
        return name;
    }

    T cast(Object value) {
        @SuppressWarnings("unchecked")
        T t = (T) type.cast(value);
        return t;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name) * 31 + System.identityHashCode(this);
    }
}

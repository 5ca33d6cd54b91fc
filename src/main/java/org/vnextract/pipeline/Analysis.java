package org.vnextract.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vnextract.internal.Validate;

/**
 * Everything known about one article so far: an immutable map from {@link Key} to value plus the
 * article's capped warning list. Each stage returns a new {@code Analysis} with its result added;
 * nothing is ever changed in place, so an analysis can be handed between threads freely.
 *
 * <p>Immutable; thread-safe.
 */
public final class Analysis {
    /** At most this many warnings are kept per article; one more line says how many were dropped. */
    public static final int MAX_WARNINGS = 50;

    private final Map<Key<?>, Object> values;
    private final List<String> warnings;
    private final int droppedWarnings;

    private Analysis(Map<Key<?>, Object> values, List<String> warnings, int droppedWarnings) {
        this.values = values;
        this.warnings = warnings;
        this.droppedWarnings = droppedWarnings;
    }

    public static Analysis empty() {
        return new Analysis(Map.of(), List.of(), 0);
    }

    public static <T> Analysis of(Key<T> key, T value) {
        return empty().with(key, value);
    }

    public <T> Analysis with(Key<T> key, T value) {
        Validate.notNull(key, "key");
        Validate.notNull(value, "value");
        Map<Key<?>, Object> copy = new IdentityHashMap<>(values);
        copy.put(key, value);
        return new Analysis(Collections.unmodifiableMap(copy), warnings, droppedWarnings);
    }

    /** Adds warnings about the input (not programmer errors), keeping at most {@link #MAX_WARNINGS}. */
    public Analysis withWarnings(List<String> more) {
        Validate.noNulls(more, "more");
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(warnings);
        int dropped = droppedWarnings;
        for (String w : more) {
            if (all.size() < MAX_WARNINGS) {
                all.add(w);
            } else {
                dropped++;
            }
        }
        return new Analysis(values, List.copyOf(all), dropped);
    }

    public Analysis withWarning(String warning) {
        return withWarnings(List.of(Validate.notNull(warning, "warning")));
    }

    public boolean has(Key<?> key) {
        return values.containsKey(key);
    }

    /** The value under {@code key}; a missing key is a pipeline bug, caught at build time normally. */
    public <T> T get(Key<T> key) {
        Object v = values.get(Validate.notNull(key, "key"));
        if (v == null) {
            throw new IllegalStateException("no value for key '" + key + "': the pipeline is missing the stage that provides it");
        }
        return key.cast(v);
    }

    public <T> Optional<T> find(Key<T> key) {
        return Optional.ofNullable(values.get(key)).map(key::cast);
    }

    /** The warnings, with a last line saying how many more were dropped when the cap was hit. */
    public List<String> warnings() {
        if (droppedWarnings == 0) {
            return warnings;
        }
        List<String> all = new ArrayList<>(warnings);
        all.add("… and " + droppedWarnings + " more warnings");
        return List.copyOf(all);
    }
}

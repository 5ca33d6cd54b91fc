package org.vnextract.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vnextract.internal.Validate;

/**
 * An ordered list of {@link Stage}s, checked when it is built: each stage's requirements must be
 * provided by the initial keys or by a stage before it, and no key may be provided twice.
 *
 * <p>Immutable and thread-safe: one pipeline is shared by all worker threads; per-article state
 * lives only in the {@link Analysis} values flowing through it.
 */
public final class Pipeline {
    private final List<Stage> stages;
    private final Set<Key<?>> initial;

    private Pipeline(List<Stage> stages, Set<Key<?>> initial) {
        this.stages = stages;
        this.initial = initial;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Stage> stages() {
        return stages;
    }

    /** Runs every stage in order. */
    public Analysis process(Analysis in) {
        return processBefore(in, stages.size());
    }

    /**
     * Runs the stages before the one at {@code end} in order: what that stage reads (a benchmark of
     * one stage alone makes its inputs so, once).
     */
    public Analysis processBefore(Analysis in, int end) {
        Validate.notNull(in, "in");
        Validate.range(0, end, stages.size(), "end");
        for (Key<?> k : initial) {
            if (!in.has(k)) {
                throw new IllegalArgumentException("'in' lacks the initial key '" + k + "'");
            }
        }
        Analysis a = in;
        for (int i = 0; i < end; i++) {
            a = stages.get(i).process(a);
        }
        return a;
    }

    /** The index of the last stage named {@code name}, or -1 when none is. */
    public int indexOf(String name) {
        Validate.notNull(name, "name");
        for (int i = stages.size() - 1; i >= 0; i--) {
            if (stages.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Builds a {@link Pipeline}. Not thread-safe; use from one thread. */
    public static final class Builder {
        private final List<Stage> stages = new ArrayList<>();
        private final Set<Key<?>> initial = new LinkedHashSet<>();

        private Builder() {}

        /** Declares a key that callers supply in the analysis they pass to {@link Pipeline#process}. */
        public Builder input(Key<?> key) {
            initial.add(Validate.notNull(key, "key"));
            return this;
        }

        public Builder add(Stage stage) {
            stages.add(Validate.notNull(stage, "stage"));
            return this;
        }

        public Builder addAll(List<? extends Stage> more) {
            Validate.noNulls(more, "more").forEach(this::add);
            return this;
        }

        /**
         * Adds {@code more} so that each comes after the stages that provide what it requires
         * (counts after dates, say), otherwise in the given order. A stage whose requirement no
         * stage provides is added last, for {@link #build()} to name it.
         */
        public Builder addInDependencyOrder(List<? extends Stage> more) {
            List<Stage> left = new ArrayList<>(Validate.noNulls(more, "more"));
            Set<Key<?>> available = new LinkedHashSet<>(initial);
            stages.forEach(s -> available.addAll(s.provides()));
            while (!left.isEmpty()) {
                Stage next = left.stream().filter(s -> available.containsAll(s.requires())).findFirst().orElse(left.get(0));
                left.remove(next);
                add(next);
                available.addAll(next.provides());
            }
            return this;
        }

        /** @throws PipelineException naming the stage and the missing or doubled key */
        public Pipeline build() {
            Set<Key<?>> available = new LinkedHashSet<>(initial);
            for (Stage s : stages) {
                for (Key<?> need : s.requires()) {
                    if (!available.contains(need)) {
                        throw new PipelineException("stage '" + s.name() + "' requires '" + need
                                + "', which no earlier stage provides (available: "
                                + available.stream().map(Key::name).collect(Collectors.joining(", ")) + ")");
                    }
                }
                for (Key<?> add : s.provides()) {
                    if (!available.add(add)) {
                        throw new PipelineException("stage '" + s.name() + "' provides '" + add
                                + "', which an earlier stage already provides");
                    }
                }
            }
            return new Pipeline(List.copyOf(stages), Collections.unmodifiableSet(new LinkedHashSet<>(initial)));
        }
    }
}

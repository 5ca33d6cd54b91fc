package org.vnextract.extract;

import java.util.List;
import java.util.Set;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.Stage;

/**
 * A stage that finds one kind of entity in the analysed text and adds the list under {@link #key()}.
 * Extractors are registered in {@code org.vnextract.assembly.ExtractorRegistry}; the pipeline needs no change to take a
 * new one.
 *
 * <p>Implementations must be thread-safe after construction and must run in time linear in the
 * text (no unbounded backtracking): archives contain hostile pages.
 *
 * @param <T> the entity type
 */
public interface Extractor<T> extends Stage {
    Key<List<T>> key();

    /** The entities of one article; never null. */
    List<T> extract(Analysis in);

    @Override
    default Set<Key<?>> provides() {
        return Set.of(key());
    }

    @Override
    default Analysis process(Analysis in) {
        return in.with(key(), List.copyOf(extract(in)));
    }
}

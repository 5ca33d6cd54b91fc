package org.vnextract.ner;

import java.util.List;

/**
 * Finds persons, organisations and locations in sentences. The extractors (officials, documents,
 * places) consume this interface; the statistical model ({@link NerTagger}) is one implementation.
 * {@code ner} depends only on the text layer, never on an extractor.
 *
 * <p>Implementations must be thread-safe.
 */
public interface EntityTagger {
    /** The entities of each sentence (its tokens as written), in order; one list per sentence. */
    List<List<Entity>> tag(List<String[]> sentences);
}

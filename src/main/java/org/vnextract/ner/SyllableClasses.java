package org.vnextract.ner;

import java.util.List;

/**
 * The gazetteer classes of one folded syllable ("sur", "given", "title", "hon", "place"), as
 * features for the name finder. The extractor that owns the lexicons supplies them, so that this
 * package needs nothing of the extractors (no package cycle).
 *
 * <p>Implementations must be immutable and thread-safe.
 */
@FunctionalInterface
public interface SyllableClasses {
    /** The classes of {@code folded}; never null. */
    List<String> classes(String folded);
}

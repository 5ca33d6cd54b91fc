package org.vnextract.assembly;

import org.vnextract.extract.officials.OfficialRules;
import org.vnextract.internal.Validate;

/**
 * Settings of the extractors that have any, passed by {@link ExtractorRegistry} to each factory.
 * A value, not global state: two pipelines in one JVM may be configured differently.
 *
 * @param officialsNames where the officials extractor takes personal names from (rules, the
 *     statistical model, or both); see {@link org.vnextract.extract.officials.OfficialExtractor}
 * @param officialsEntities whether the officials extractor reads the entity tagger's names
 *     ({@code ner.Entities}) to decide which of the rules' short organisation candidates are
 *     organisations (on by default)
 *
 * <p>Immutable; thread-safe.
 */
public record ExtractorOptions(OfficialRules.NameSource officialsNames, boolean officialsEntities) {
    public ExtractorOptions {
        Validate.notNull(officialsNames, "officialsNames");
    }

    /** The defaults of this release: officials' names from the rules; the entity tagger decides short organisations. */
    public static ExtractorOptions defaults() {
        return new ExtractorOptions(OfficialRules.NameSource.RULES, true);
    }

    public ExtractorOptions withOfficialsNames(OfficialRules.NameSource s) {
        return new ExtractorOptions(s, officialsEntities);
    }

    public ExtractorOptions withOfficialsEntities(boolean on) {
        return new ExtractorOptions(officialsNames, on);
    }
}

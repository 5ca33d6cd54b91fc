package org.vnextract.assembly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.vnextract.extract.counts.CountExtractor;
import org.vnextract.extract.dates.DateExtractor;
import org.vnextract.extract.documents.DocumentExtractor;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.PipelineException;
import org.vnextract.pipeline.Stage;

/**
 * The extractors vnextract knows, by name, in the order they run. Adding an extractor is one line
 * here; the pipeline and the CLI ({@code --extractors}) pick it up. Settings reach the factories
 * as one {@link ExtractorOptions} value.
 *
 * <p>Immutable; thread-safe.
 */
public final class ExtractorRegistry {
    private final Map<String, BiFunction<ModelSource, ExtractorOptions, Stage>> factories;

    private ExtractorRegistry(Map<String, BiFunction<ModelSource, ExtractorOptions, Stage>> factories) {
        this.factories = factories;
    }

    /** Every extractor of this release. */
    public static ExtractorRegistry standard() {
        Map<String, BiFunction<ModelSource, ExtractorOptions, Stage>> f = new LinkedHashMap<>();
        f.put("documents", (m, o) -> new DocumentExtractor(m));
        f.put("relations", (m, o) -> new org.vnextract.extract.relations.RelationExtractor(m));
        f.put("dates", (m, o) -> new DateExtractor(m));
        f.put("counts", (m, o) -> new CountExtractor(m));
        f.put("officials", (m, o) -> new org.vnextract.extract.officials.OfficialExtractor(m, o.officialsNames()));
        f.put("places", (m, o) -> new org.vnextract.extract.places.PlaceExtractor(m));
        return new ExtractorRegistry(java.util.Collections.unmodifiableMap(f));
    }

    public Set<String> names() {
        return factories.keySet();
    }

    /** Builds the named extractors (all when {@code names} is empty), in registry order, with default settings. */
    public List<Stage> create(ModelSource models, Set<String> names) {
        return create(models, names, ExtractorOptions.defaults());
    }

    /** Builds the named extractors (all when {@code names} is empty), in registry order. */
    public List<Stage> create(ModelSource models, Set<String> names, ExtractorOptions options) {
        Validate.notNull(models, "models");
        Validate.notNull(names, "names");
        Validate.notNull(options, "options");
        for (String n : names) {
            if (!factories.containsKey(n)) {
                throw new PipelineException("unknown extractor '" + n + "'; known: " + String.join(", ", factories.keySet()));
            }
        }
        List<Stage> out = new ArrayList<>();
        factories.forEach((name, factory) -> {
            if (names.isEmpty() || names.contains(name)) {
                out.add(factory.apply(models, options));
            }
        });
        return out;
    }
}

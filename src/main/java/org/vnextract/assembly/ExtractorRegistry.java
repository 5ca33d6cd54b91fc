package org.vnextract.assembly;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.vnextract.extract.counts.CountExtractor;
import org.vnextract.extract.counts.CountMention;
import org.vnextract.extract.dates.DateExtractor;
import org.vnextract.extract.dates.DateMention;
import org.vnextract.extract.dates.Period;
import org.vnextract.extract.documents.DocumentExtractor;
import org.vnextract.extract.documents.DocumentReference;
import org.vnextract.extract.officials.Location;
import org.vnextract.extract.officials.Official;
import org.vnextract.extract.officials.Organization;
import org.vnextract.extract.places.PlaceFindings;
import org.vnextract.extract.relations.DocumentRelation;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.PipelineException;
import org.vnextract.pipeline.Stage;

/**
 * The extractors vnextract knows, by name, in the order they run, each with the keys it provides.
 * Adding an extractor is one line here; the pipeline and the CLI ({@code --extractors}) pick it up.
 * Settings reach the factories as one {@link ExtractorOptions} value. An extractor that reads
 * another's key (counts reads the dates and periods) brings that one with it: {@code --extractors
 * counts} runs dates too.
 *
 * <p>Immutable; thread-safe.
 */
public final class ExtractorRegistry {
    /** How to build one extractor, and the keys it provides (checked when it is built). */
    private record Entry(BiFunction<ModelSource, ExtractorOptions, Stage> factory, Set<Key<?>> provides) {}

    private final Map<String, Entry> entries;

    private ExtractorRegistry(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** Every extractor of this release. */
    public static ExtractorRegistry standard() {
        Map<String, Entry> f = new LinkedHashMap<>();
        f.put("documents", new Entry((m, o) -> new DocumentExtractor(m), Set.of(DocumentReference.KEY)));
        f.put("relations", new Entry((m, o) -> new org.vnextract.extract.relations.RelationExtractor(m),
                Set.of(DocumentRelation.KEY)));
        f.put("dates", new Entry((m, o) -> new DateExtractor(m), Set.of(DateMention.KEY, Period.KEY)));
        f.put("counts", new Entry((m, o) -> new CountExtractor(m), Set.of(CountMention.KEY)));
        f.put("officials", new Entry((m, o) -> new org.vnextract.extract.officials.OfficialExtractor(m, o.officialsNames(), o.officialsEntities()),
                Set.of(Official.KEY, Organization.KEY, Location.KEY)));
        f.put("places", new Entry((m, o) -> new org.vnextract.extract.places.PlaceExtractor(m), Set.of(PlaceFindings.KEY)));
        return new ExtractorRegistry(java.util.Collections.unmodifiableMap(f));
    }

    public Set<String> names() {
        return entries.keySet();
    }

    /** Builds the named extractors (all when {@code names} is empty), in registry order, with default settings. */
    public List<Stage> create(ModelSource models, Set<String> names) {
        return create(models, names, ExtractorOptions.defaults());
    }

    /**
     * Builds the named extractors (all when {@code names} is empty) and the ones whose keys they
     * read, however indirectly, in registry order.
     */
    public List<Stage> create(ModelSource models, Set<String> names, ExtractorOptions options) {
        Validate.notNull(models, "models");
        Validate.notNull(names, "names");
        Validate.notNull(options, "options");
        for (String n : names) {
            if (!entries.containsKey(n)) {
                throw new PipelineException("unknown extractor '" + n + "'; known: " + String.join(", ", entries.keySet()));
            }
        }
        Map<String, Stage> built = new LinkedHashMap<>();
        entries.forEach((name, e) -> {
            if (names.isEmpty() || names.contains(name)) {
                built.put(name, build(name, e, models, options));
            }
        });
        boolean added = true;
        while (added) { // at most once per extractor: each round builds one more or ends
            added = false;
            Set<Key<?>> missing = new HashSet<>();
            built.values().forEach(s -> missing.addAll(s.requires()));
            built.values().forEach(s -> missing.removeAll(s.provides()));
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                if (!built.containsKey(e.getKey()) && e.getValue().provides().stream().anyMatch(missing::contains)) {
                    built.put(e.getKey(), build(e.getKey(), e.getValue(), models, options));
                    added = true;
                    break;
                }
            }
        }
        return entries.keySet().stream().filter(built::containsKey).map(built::get).toList();
    }

    private static Stage build(String name, Entry e, ModelSource models, ExtractorOptions options) {
        Stage s = e.factory().apply(models, options);
        if (!s.provides().equals(e.provides())) {
            throw new IllegalStateException("extractor '" + name + "' provides " + s.provides() + ", not the "
                    + e.provides() + " the registry lists");
        }
        return s;
    }
}

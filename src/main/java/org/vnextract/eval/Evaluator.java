package org.vnextract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.vnextract.internal.Validate;

/**
 * Scores records against gold files (../shared/gold/README.md): records pair with gold files by
 * the file-name stem of {@code source.uri} (else {@code id}); per metric, the sets of units are
 * compared and the counts summed over articles (micro-average). The printed table is
 * byte-for-byte what {@code ../shared/tools/score.py} prints for the same input.
 *
 * <p>Not thread-safe; one evaluation per instance.
 */
public final class Evaluator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> records = new HashMap<>();
    private final Map<String, FMeasure> totals = new LinkedHashMap<>();
    private final List<String> differences = new ArrayList<>();
    private int missing;
    private boolean scored;

    /** Adds a record (a later record with the same stem replaces an earlier one, as in score.py). */
    public void addRecord(JsonNode record) {
        Validate.notNull(record, "record");
        if (!record.isObject()) {
            return;
        }
        JsonNode src = record.get("source");
        String uri = src != null && src.isObject() && src.hasNonNull("uri") && !src.get("uri").asText().isEmpty()
                ? src.get("uri").asText() : record.hasNonNull("id") ? record.get("id").asText() : "";
        records.put(stem(uri), record);
    }

    public void addRecordLine(String line) {
        String l = line.strip();
        if (l.isEmpty()) {
            return;
        }
        try {
            addRecord(JSON.readTree(l));
        } catch (IOException e) {
            // score.py skips lines that are not JSON; so must we, to print the same figures
            return;
        }
    }

    static String stem(String uri) {
        String base = uri;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = base.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** Scores against every {@code *.json} of the gold directories (sorted by file name). */
    public void score(List<Path> goldDirs) throws IOException {
        Validate.noNulls(goldDirs, "goldDirs");
        Validate.isTrue(!scored, "this", "has already scored");
        scored = true;
        TreeMap<String, Path> files = new TreeMap<>();
        for (Path dir : goldDirs) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".json"))
                        .forEach(p -> files.put(p.getFileName().toString(), p));
            }
        }
        for (Map.Entry<String, Path> e : files.entrySet()) {
            JsonNode gold = JSON.readTree(Files.readString(e.getValue(), StandardCharsets.UTF_8));
            String name = gold.hasNonNull("file") && !gold.get("file").asText().isEmpty() ? gold.get("file").asText() : e.getKey();
            String stem = stem(name);
            JsonNode pred = records.get(stem);
            if (pred == null) {
                missing++;
                pred = JSON.createObjectNode();
            }
            Map<String, Set<String>> g = MetricSets.of(gold);
            Map<String, Set<String>> p = MetricSets.of(pred);
            for (String m : MetricSets.METRICS) {
                Set<String> gm = g.get(m);
                Set<String> pm = p.get(m);
                if (m.equals("documents.date")) {
                    Set<String> ids = new LinkedHashSet<>();
                    gm.forEach(u -> ids.add(MetricSets.unitId(u)));
                    Set<String> only = new LinkedHashSet<>();
                    pm.forEach(u -> {
                        if (ids.contains(MetricSets.unitId(u))) {
                            only.add(u);
                        }
                    });
                    pm = only;
                }
                int tp = 0;
                for (String u : gm) {
                    if (pm.contains(u)) {
                        tp++;
                    }
                }
                totals.merge(m, new FMeasure(tp, gm.size(), pm.size()), FMeasure::plus);
                if (tp != gm.size() || tp != pm.size()) {
                    Set<String> missed = new LinkedHashSet<>(gm);
                    missed.removeAll(p.get(m));
                    Set<String> extra = new LinkedHashSet<>(p.get(m));
                    extra.removeAll(gm);
                    differences.add(stem + " " + m + ": missed=" + show(missed) + " extra=" + show(extra));
                }
            }
        }
    }

    private static String show(Set<String> units) {
        List<String> l = new ArrayList<>();
        units.forEach(u -> l.add(u.replace('\u0001', '|')));
        java.util.Collections.sort(l);
        return l.subList(0, Math.min(8, l.size())).toString();
    }

    public Map<String, FMeasure> totals() {
        return java.util.Collections.unmodifiableMap(totals);
    }

    public int articlesWithoutRecord() {
        return missing;
    }

    /** Per article and metric, what was missed and what was extra (score.py's --per-article, roughly). */
    public List<String> differences() {
        return List.copyOf(differences);
    }

    /** Prints the table exactly as score.py does. */
    public void printTable(PrintStream out) {
        out.print(String.format("%-16s %6s %6s %6s %6s %6s\n", "metric", "P", "R", "F1", "gold", "pred"));
        for (Map.Entry<String, FMeasure> e : totals.entrySet()) {
            FMeasure f = e.getValue();
            out.print(String.format("%-16s %s %s %s %6d %6d\n", e.getKey(),
                    FMeasure.format63(FMeasure.round(f.precision(), 4)), FMeasure.format63(FMeasure.round(f.recall(), 4)),
                    FMeasure.format63(FMeasure.round(f.f1(), 4)), f.gold(), f.predicted()));
        }
        out.print("articles without a record: " + missing + "\n");
    }
}

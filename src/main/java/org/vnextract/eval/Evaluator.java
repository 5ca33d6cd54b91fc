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
 * the file-name stem of {@code source.uri} (else {@code id}) or by {@code id}; per metric, the sets of units are
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

    /**
     * Adds a record under the file-name stem of its {@code source.uri} (else its id), and under its
     * id too, since JSON Lines input names each article by the caller's id; a later record with the
     * same key replaces an earlier one, as in score.py.
     */
    public void addRecord(JsonNode record) {
        Validate.notNull(record, "record");
        if (!record.isObject()) {
            return;
        }
        JsonNode src = record.get("source");
        JsonNode uriNode = src != null && src.isObject() ? src.get("uri") : null;
        String uri = MetricSets.truthy(uriNode) ? text(uriNode) : MetricSets.truthy(record.get("id")) ? text(record.get("id")) : "";
        records.put(stem(uri), record);
        if (MetricSets.truthy(record.get("id"))) {
            records.put(text(record.get("id")), record);
        }
    }

    /** Python's {@code str()} of a JSON scalar used as a key. */
    private static String text(JsonNode n) {
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isBoolean()) {
            return n.asBoolean() ? "True" : "False";
        }
        return n.toString();
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
            JsonNode fields = gold.get("fields");
            Set<String> only = new java.util.HashSet<>();
            boolean restricted = fields != null && !fields.isNull();
            if (restricted && fields.isArray()) {
                fields.forEach(f -> only.add(f.isTextual() ? f.asText() : f.toString()));
            }
            for (String m : MetricSets.METRICS) {
                String optional = MetricSets.OPTIONAL.get(m);
                if (optional != null && !gold.has(optional)) {
                    continue;
                }
                if (restricted && !only.contains(MetricSets.FIELD_OF.get(m))) {
                    continue;
                }
                Set<String> gm = g.get(m);
                Set<String> pm = p.get(m);
                if (m.equals("documents.date")) {
                    Set<String> ids = new LinkedHashSet<>();
                    gm.forEach(u -> ids.add(MetricSets.unitId(u)));
                    Set<String> judged = new LinkedHashSet<>();
                    pm.forEach(u -> {
                        if (ids.contains(MetricSets.unitId(u))) {
                            judged.add(u);
                        }
                    });
                    pm = judged;
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

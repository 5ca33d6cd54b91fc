package org.vnextract.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.vnextract.internal.Validate;

/**
 * Measures the look-up against gold annotations ({@code ../shared/gold/dev}): for each document id
 * the gold files list, {@code lookup} should return exactly the articles whose gold lists it.
 * Articles are paired with gold files by the file-name stem of {@code source.uri} (else the record
 * id), as {@code score.py} pairs them; articles of the database without a gold file are ignored.
 *
 * <p>Immutable result; the computation is stateless and thread-safe.
 */
public final class LookupEvaluation {
    /** One gold document id: the articles gold lists, and those the look-up returned. */
    public record Row(String id, Set<String> gold, Set<String> found, boolean ambiguous) {
        public Set<String> missed() {
            Set<String> s = new TreeSet<>(gold);
            s.removeAll(found);
            return s;
        }

        public Set<String> extra() {
            Set<String> s = new TreeSet<>(found);
            s.removeAll(gold);
            return s;
        }
    }

    /** Micro-averaged precision and recall over (document id, article) pairs. */
    public record Result(List<Row> rows, int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : truePositives / (double) (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : truePositives / (double) (truePositives + falseNegatives);
        }
    }

    private LookupEvaluation() {}

    public static Result run(StoreReader reader, Path goldDir) throws IOException {
        Validate.notNull(reader, "reader");
        Validate.notNull(goldDir, "goldDir");
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> gold = new TreeMap<>();
        Set<String> stems = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(goldDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode g = json.readTree(f.toFile());
            String stem = stem(g.path("file").asText(f.getFileName().toString()));
            stems.add(stem);
            for (JsonNode d : g.path("documents")) {
                gold.computeIfAbsent(d.path("id").asText(), k -> new TreeSet<>()).add(stem);
            }
        }
        List<Row> rows = new ArrayList<>();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Map.Entry<String, Set<String>> e : gold.entrySet()) {
            StoreReader.DocumentLookup l = reader.lookupDocument(e.getKey());
            Set<String> found = new TreeSet<>();
            if (l.matches().size() == 1) {
                String key = l.matches().get(0).key();
                for (int off = 0; ; off += StoreReader.MAX_PAGE) {
                    List<StoreReader.Citation> page = reader.citations(key, StoreReader.MAX_PAGE, off);
                    for (StoreReader.Citation c : page) {
                        String st = stem(c.uri() != null ? c.uri() : c.articleId());
                        if (stems.contains(st)) {
                            found.add(st);
                        }
                    }
                    if (page.size() < StoreReader.MAX_PAGE) {
                        break;
                    }
                }
            }
            Row r = new Row(e.getKey(), e.getValue(), found, l.ambiguous());
            rows.add(r);
            fn += r.missed().size();
            fp += r.extra().size();
            tp += r.gold().size() - r.missed().size();
        }
        return new Result(rows, tp, fp, fn);
    }

    /** "file:///x/d001.txt" → "d001"; "d001.txt" → "d001". */
    static String stem(String s) {
        String t = s.replace('\\', '/');
        t = t.substring(t.lastIndexOf('/') + 1);
        int dot = t.indexOf('.');
        return dot > 0 ? t.substring(0, dot) : t;
    }
}

package org.vnextract.eval;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vnextract.internal.Validate;

/**
 * Exact-match scoring of typed spans (NER): a predicted span counts when the gold of its sentence
 * has the same start, end and type. Spans are compared in characters of the text without white
 * space, so that a tagger that normalised spaces is scored on the same positions.
 *
 * <p>Not thread-safe (it accumulates).
 */
public final class SpanScore {
    private final Map<String, int[]> counts = new LinkedHashMap<>(); // type -> tp, gold, predicted

    public SpanScore(List<String> types) {
        for (String t : Validate.noNulls(types, "types")) {
            counts.put(t, new int[3]);
        }
    }

    /** Adds one sentence: gold and predicted spans as {@code {start, end}} of {@code text} with their types. */
    public void add(List<NerGold.Span> gold, List<NerGold.Span> predicted) {
        Set<NerGold.Span> g = new HashSet<>(gold);
        Set<NerGold.Span> seen = new HashSet<>();
        for (NerGold.Span s : gold) {
            counts.computeIfAbsent(s.type(), k -> new int[3])[1]++;
        }
        for (NerGold.Span s : predicted) {
            if (!seen.add(s)) {
                continue;
            }
            int[] c = counts.computeIfAbsent(s.type(), k -> new int[3]);
            c[2]++;
            if (g.contains(s)) {
                c[0]++;
            }
        }
    }

    /** The figures of one type. */
    public FMeasure of(String type) {
        int[] c = counts.getOrDefault(type, new int[3]);
        return new FMeasure(c[0], c[1], c[2]);
    }

    /** Micro-averaged over all types. */
    public FMeasure overall() {
        FMeasure m = new FMeasure(0, 0, 0);
        for (String t : counts.keySet()) {
            m = m.plus(of(t));
        }
        return m;
    }

    public List<String> types() {
        return List.copyOf(counts.keySet());
    }

    /** The offset of {@code index} in {@code text} counted in non-white-space chars. */
    public static int[] nonSpaceOffsets(String text) {
        int[] off = new int[text.length() + 1];
        int k = 0;
        for (int i = 0; i < text.length(); i++) {
            off[i] = k;
            if (!Character.isWhitespace(text.charAt(i))) {
                k++;
            }
        }
        off[text.length()] = k;
        return off;
    }
}

package org.vnextract.segment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vnextract.internal.Validate;

/**
 * A Single-Classification Ripple-Down-Rules tree ({@code wordsegmenter.rdr}) compiled for speed.
 * Each node tests a conjunction of "feature == value" over a ±2 window of syllables and their
 * initial B/I tags; evaluation starts at the root, moves to the first satisfied exception of the
 * current node, and the last satisfied node gives the conclusion (Nguyen et al., LREC 2018).
 *
 * <p>Values are interned when the tree is loaded, so a condition is an int comparison. A node with
 * many exceptions (the two depth-1 nodes have hundreds) gets an index from "(feature, value)" to
 * the exceptions that test it (a direct array over syllable ids), so finding the first satisfied
 * exception costs five array reads instead of a scan.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class RdrTree {
    static final int F_WORD = 0;
    static final int F_TAG = 1;
    static final int F_PREV_WORD2 = 2;
    static final int F_PREV_WORD1 = 3;
    static final int F_NEXT_WORD1 = 4;
    static final int F_NEXT_WORD2 = 5;
    static final int F_PREV_TAG2 = 6;
    static final int F_PREV_TAG1 = 7;
    static final int F_NEXT_TAG1 = 8;
    static final int F_NEXT_TAG2 = 9;
    static final int FEATURES = 10;

    /** Tag codes: 0 = outside the sentence (""), B begins a word, I continues one. */
    static final int TAG_NONE = 0;
    static final int TAG_B = 1;
    static final int TAG_I = 2;
    /** The root's conclusion ("NN"): keep the initial tag. */
    static final int TAG_KEEP = 3;

    private static final String[] FEATURE_NAMES = {"word", "tag", "prevWord2", "prevWord1", "nextWord1", "nextWord2",
        "prevTag2", "prevTag1", "nextTag1", "nextTag2"};
    private static final int[] WORD_FEATURES = {F_WORD, F_PREV_WORD1, F_NEXT_WORD1, F_PREV_WORD2, F_NEXT_WORD2};
    private static final int INDEX_MIN_CHILDREN = 8;

    private final int[][] condFeature;
    private final int[][] condValue;
    private final int[] conclusion;
    private final int[][] children;
    /** Per node: lists of exceptions to try regardless of the index (no word condition), or null. */
    private final int[][] unindexed;
    private final boolean[] indexed;
    /**
     * Per indexed node, {@code (feature slot × values + value id)} → offset into {@link #lists}
     * (each list {@code [n, child…]}, ascending), or -1: a direct array, no hashing at run time.
     */
    private final int[][] index;
    private final int values;
    private final int[] lists;

    private RdrTree(List<int[]> features, List<int[]> values, int[] conclusion, int[][] children, int valueIds) {
        int n = conclusion.length;
        this.condFeature = features.toArray(new int[0][]);
        this.condValue = values.toArray(new int[0][]);
        this.conclusion = conclusion;
        this.children = children;
        this.unindexed = new int[n][];
        this.indexed = new boolean[n];
        this.index = new int[n][];
        this.values = valueIds;
        // build the per-node index lists
        List<Integer> store = new ArrayList<>();
        for (int node = 0; node < n; node++) {
            int[] ch = children[node];
            if (ch.length < INDEX_MIN_CHILDREN) {
                continue;
            }
            indexed[node] = true;
            int[] slots = new int[WORD_FEATURES.length * valueIds];
            Arrays.fill(slots, -1);
            index[node] = slots;
            java.util.Map<Integer, List<Integer>> byKey = new java.util.LinkedHashMap<>();
            List<Integer> rest = new ArrayList<>();
            for (int c : ch) {
                int k = indexCondition(c);
                if (k < 0) {
                    rest.add(c);
                } else {
                    byKey.computeIfAbsent(slot(condFeature[c][k]) * valueIds + condValue[c][k], x -> new ArrayList<>()).add(c);
                }
            }
            for (var e : byKey.entrySet()) {
                slots[e.getKey()] = store.size();
                store.add(e.getValue().size());
                store.addAll(e.getValue());
            }
            unindexed[node] = rest.stream().mapToInt(Integer::intValue).toArray();
        }
        this.lists = store.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The condition a node is indexed by: its first on the current word, else its first on any word. */
    private int indexCondition(int node) {
        int best = -1;
        for (int k = 0; k < condFeature[node].length; k++) {
            int f = condFeature[node][k];
            if (f == F_WORD) {
                return k;
            }
            if (best < 0 && isWordFeature(f)) {
                best = k;
            }
        }
        return best;
    }

    private static boolean isWordFeature(int f) {
        return f == F_WORD || f == F_PREV_WORD1 || f == F_PREV_WORD2 || f == F_NEXT_WORD1 || f == F_NEXT_WORD2;
    }

    /** The position of a word feature in {@link #WORD_FEATURES}. */
    private static int slot(int feature) {
        for (int k = 0; k < WORD_FEATURES.length; k++) {
            if (WORD_FEATURES[k] == feature) {
                return k;
            }
        }
        throw new IllegalArgumentException("feature: not a word feature: " + feature);
    }

    int nodes() {
        return conclusion.length;
    }

    /**
     * The tag for one syllable, given its context {@code f} (indexed by the {@code F_*} constants;
     * word values are syllable ids, {@link SyllableIds#BOUNDARY} outside the sentence and
     * {@link SyllableIds#NONE} for unknown syllables): {@link #TAG_B}, {@link #TAG_I}, or
     * {@link #TAG_KEEP} when no rule below the root fires.
     */
    int classify(int[] f) {
        int node = 0;
        int fired = 0;
        while (true) {
            int c = firstSatisfiedChild(node, f);
            if (c < 0) {
                break;
            }
            fired = c;
            node = c;
        }
        return conclusion[fired];
    }

    private int firstSatisfiedChild(int node, int[] f) {
        if (!indexed[node]) {
            for (int c : children[node]) {
                if (satisfies(c, f)) {
                    return c;
                }
            }
            return -1;
        }
        int best = Integer.MAX_VALUE;
        int[] slots = index[node];
        for (int k = 0; k < WORD_FEATURES.length; k++) {
            int v = f[WORD_FEATURES[k]];
            if (v < 0 || v >= values) {
                continue;
            }
            int at = slots[k * values + v];
            if (at < 0) {
                continue;
            }
            int n = lists[at];
            for (int x = at + 1; x <= at + n; x++) {
                int c = lists[x];
                if (c >= best) {
                    break;
                }
                if (satisfies(c, f)) {
                    best = c;
                    break;
                }
            }
        }
        for (int c : unindexed[node]) {
            if (c >= best) {
                break;
            }
            if (satisfies(c, f)) {
                best = c;
                break;
            }
        }
        return best == Integer.MAX_VALUE ? -1 : best;
    }

    private boolean satisfies(int node, int[] f) {
        int[] cf = condFeature[node];
        int[] cv = condValue[node];
        for (int k = 0; k < cf.length; k++) {
            if (f[cf[k]] != cv[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses the tree. Condition values on words are interned into {@code ids} (added when new).
     * @throws IOException naming the line when the file does not have the documented shape
     */
    static RdrTree read(InputStream in, SyllableIds ids) throws IOException {
        Validate.notNull(in, "in");
        Validate.notNull(ids, "ids");
        List<int[]> features = new ArrayList<>();
        List<int[]> values = new ArrayList<>();
        List<Integer> conclusions = new ArrayList<>();
        List<List<Integer>> children = new ArrayList<>();
        int[] pathByDepth = new int[64];
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '\t') {
                depth++;
            }
            int colon = line.lastIndexOf(" : object.conclusion = ");
            if (colon < 0) {
                throw new IOException("rule tree line " + lineNo + ": no conclusion");
            }
            String cond = line.substring(depth, colon).strip();
            String concl = unquote(line.substring(colon + " : object.conclusion = ".length()).strip(), lineNo);
            int node = conclusions.size();
            if (depth == 0) {
                if (node != 0 || !cond.equals("True")) {
                    throw new IOException("rule tree line " + lineNo + ": the root must be the first line, 'True'");
                }
                features.add(new int[0]);
                values.add(new int[0]);
            } else {
                if (node == 0 || depth > 63 || depth - 1 > maxDepthSeen(pathByDepth, depth)) {
                    throw new IOException("rule tree line " + lineNo + ": indentation skips a level");
                }
                parseCondition(cond, lineNo, ids, features, values);
                children.get(pathByDepth[depth - 1]).add(node);
            }
            pathByDepth[depth] = node;
            pathByDepth[depth + 1] = -1;
            conclusions.add(switch (concl) {
                case "B" -> TAG_B;
                case "I" -> TAG_I;
                case "NN" -> TAG_KEEP;
                default -> throw new IOException("rule tree line " + lineNo + ": unknown conclusion " + concl);
            });
            children.add(new ArrayList<>());
        }
        if (conclusions.isEmpty()) {
            throw new IOException("rule tree is empty");
        }
        int[][] ch = new int[children.size()][];
        for (int i = 0; i < ch.length; i++) {
            ch[i] = children.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return new RdrTree(features, values, conclusions.stream().mapToInt(Integer::intValue).toArray(), ch, ids.size());
    }

    private static int maxDepthSeen(int[] path, int depth) {
        return path[depth - 1] >= 0 ? depth - 1 : -1;
    }

    private static void parseCondition(String cond, int lineNo, SyllableIds ids, List<int[]> features,
                                       List<int[]> values) throws IOException {
        String[] parts = cond.split(" and (?=object\\.)");
        int[] f = new int[parts.length];
        int[] v = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            String p = parts[k].strip();
            int eq = p.indexOf(" == ");
            if (!p.startsWith("object.") || eq < 0) {
                throw new IOException("rule tree line " + lineNo + ": cannot read condition '" + p + "'");
            }
            String name = p.substring("object.".length(), eq);
            f[k] = Arrays.asList(FEATURE_NAMES).indexOf(name);
            if (f[k] < 0) {
                throw new IOException("rule tree line " + lineNo + ": unknown feature " + name);
            }
            String value = unquote(p.substring(eq + 4).strip(), lineNo);
            if (isWordFeature(f[k])) {
                v[k] = value.isEmpty() ? SyllableIds.BOUNDARY : ids.add(SyllableKey.of(value));
            } else {
                v[k] = switch (value) {
                    case "" -> TAG_NONE;
                    case "B" -> TAG_B;
                    case "I" -> TAG_I;
                    default -> throw new IOException("rule tree line " + lineNo + ": unknown tag " + value);
                };
            }
        }
        features.add(f);
        values.add(v);
    }

    private static String unquote(String s, int lineNo) throws IOException {
        if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
            throw new IOException("rule tree line " + lineNo + ": expected a quoted value, got " + s);
        }
        return s.substring(1, s.length() - 1);
    }
}

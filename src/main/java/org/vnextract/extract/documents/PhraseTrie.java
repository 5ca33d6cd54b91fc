package org.vnextract.extract.documents;

import java.util.HashMap;
import java.util.Map;
import org.vnextract.text.Fold;

/**
 * Multi-word phrases of a lexicon ("ban thường vụ", "tỉnh ủy") matched word by word against
 * folded tokens, so matching costs at most the length of the longest phrase.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class PhraseTrie {
    private final Node root = new Node();
    private int maxWords;

    private static final class Node {
        final Map<String, Node> next = new HashMap<>();
        String value;
    }

    /** A match: its value and the index of the token after it. */
    record Match(String value, int start, int end) {}

    /** Adds a phrase; its words are folded one by one like tokens are. */
    void add(String phrase, String value) {
        Node n = root;
        int words = 0;
        for (String w : phrase.trim().split("\\s+")) {
            String f = Fold.fold(w);
            if (f.isEmpty()) {
                continue;
            }
            n = n.next.computeIfAbsent(f, k -> new Node());
            words++;
        }
        if (words == 0) {
            throw new IllegalArgumentException("empty phrase '" + phrase + "'");
        }
        n.value = value;
        maxWords = Math.max(maxWords, words);
    }

    int maxWords() {
        return maxWords;
    }

    /** The longest phrase starting at token {@code i} and ending before {@code limit}, or null. */
    Match longest(TokenView v, int i, int limit) {
        Node n = root;
        Match best = null;
        int end = Math.min(limit, v.size());
        for (int k = i; k < end && k >= 0; k++) {
            if (k > i && v.newlineBefore(k)) {
                break;
            }
            n = n.next.get(v.fold(k));
            if (n == null) {
                break;
            }
            if (n.value != null) {
                best = new Match(n.value, i, k + 1);
            }
        }
        return best;
    }

    /** The phrase that ends exactly before token {@code end}, longest first, or null. */
    Match endingAt(TokenView v, int end) {
        for (int s = Math.max(0, end - maxWords); s < end; s++) {
            Match m = longestExact(v, s, end);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private Match longestExact(TokenView v, int s, int end) {
        Node n = root;
        for (int k = s; k < end; k++) {
            if (k > s && v.newlineBefore(k)) {
                return null;
            }
            n = n.next.get(v.fold(k));
            if (n == null) {
                return null;
            }
        }
        return n.value == null ? null : new Match(n.value, s, end);
    }
}

package org.vnextract.extract.officials;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vnextract.internal.Validate;

/**
 * Phrases of folded tokens ({@link Toks#fold}) mapped to values, matched longest-first at a token
 * position. A match costs at most the length of the longest phrase, so scanning a text with it is
 * linear in the number of tokens.
 *
 * <p>Built once, then read only: thread-safe after construction.
 *
 * @param <V> the value of a phrase
 */
final class PhraseTrie<V> {
    private static final class Node<V> {
        final Map<String, Node<V>> next = new HashMap<>(4);
        final List<V> values = new ArrayList<>(1);
    }

    private final Node<V> root = new Node<>();
    private int maxLength;

    /** Adds a phrase given as folded tokens. */
    void put(List<String> folded, V value) {
        Validate.isTrue(!folded.isEmpty(), "folded", "must not be empty");
        Node<V> n = root;
        for (String f : folded) {
            n = n.next.computeIfAbsent(f, k -> new Node<>());
        }
        n.values.add(value);
        maxLength = Math.max(maxLength, folded.size());
    }

    int maxLength() {
        return maxLength;
    }

    /** A match: the token range {@code [start, end)} and the phrase's values. */
    record Match<V>(int start, int end, List<V> values) {
        V value() {
            return values.get(0);
        }
    }

    /** The longest phrase starting at token {@code i} and ending by {@code limit}, or null. */
    Match<V> longest(Toks t, int i, int limit) {
        return longest(t, i, limit, null);
    }

    /** As {@link #longest(Toks, int, int)}, counting only phrases with a value {@code accept} takes. */
    Match<V> longest(Toks t, int i, int limit, java.util.function.Predicate<V> accept) {
        Node<V> n = root;
        Match<V> best = null;
        for (int k = i; k < limit && k - i < maxLength; k++) {
            n = n.next.get(t.fold[k]);
            if (n == null) {
                break;
            }
            if (!n.values.isEmpty()) {
                if (accept == null) {
                    best = new Match<>(i, k + 1, n.values);
                } else {
                    List<V> ok = null;
                    for (V v : n.values) {
                        if (accept.test(v)) {
                            if (ok == null) {
                                ok = new ArrayList<>(2);
                            }
                            ok.add(v);
                        }
                    }
                    if (ok != null) {
                        best = new Match<>(i, k + 1, ok);
                    }
                }
            }
        }
        return best;
    }
}

package org.vnextract.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.vnextract.internal.Validate;
import org.vnextract.text.Fold;

/**
 * Phrases of folded tokens ({@link TokenView#fold}) mapped to values, matched at a token position of
 * a {@link TokenView}: the longest phrase starting there, or the longest ending there. A phrase
 * never runs across a line break. A match costs at most the length of the longest phrase, so
 * scanning a text with it is linear in the number of tokens. A token is first tested by the first
 * char of its fold, read from the text through {@link Fold#foldedFirst}: most tokens start no phrase
 * and are ruled out without reading their folded form (a string per token, seldom still in the cache
 * when a later extractor reads it).
 *
 * <p>Built once, then read only: thread-safe after construction.
 *
 * @param <V> the value of a phrase; a phrase added twice keeps both values, in order
 */
public final class PhraseTrie<V> {
    private static final class Node<V> {
        final Map<String, Node<V>> next = new HashMap<>(4);
        final List<V> values = new ArrayList<>(1);
    }

    private final Node<V> root = new Node<>();
    private int maxLength;
    /** The first chars of the phrases' first folded tokens, by char; {@link #anyFirst} for one past the table. */
    private final boolean[] firstChars = new boolean[0x2070];
    private boolean anyFirst;

    /** Adds a phrase of text, folded token by token like article text ({@link TokenView#foldPhrase}). */
    public void add(String phrase, V value) {
        List<String> folded = TokenView.foldPhrase(phrase);
        Validate.isTrue(!folded.isEmpty(), "phrase", "must hold a token, was '" + phrase + "'");
        put(folded, value);
    }

    /** Adds a phrase given as folded tokens. */
    public void put(List<String> folded, V value) {
        Validate.isTrue(!folded.isEmpty(), "folded", "must not be empty");
        String first = folded.get(0);
        char c = first.isEmpty() ? 0 : first.charAt(0);
        if (c != 0 && c < firstChars.length) {
            firstChars[c] = true;
        } else {
            anyFirst = true;
        }
        Node<V> n = root;
        for (String f : folded) {
            n = n.next.computeIfAbsent(f, k -> new Node<>());
        }
        n.values.add(value);
        maxLength = Math.max(maxLength, folded.size());
    }

    /** The most tokens of a phrase. */
    public int maxLength() {
        return maxLength;
    }

    /**
     * False when no phrase can start at token {@code i}, told by the first char of its fold
     * ({@link Fold#foldedFirst}) without folding it; true says only that one may.
     */
    public boolean mayStartAt(TokenView t, int i) {
        char c = Fold.foldedFirst(t.text(), t.start(i), t.end(i));
        return c == 0 || anyFirst || c < firstChars.length && firstChars[c];
    }

    /** Whether some phrase starts with the folded token {@code folded}. */
    public boolean startsWith(String folded) {
        return root.next.containsKey(folded);
    }

    /** A match: the token range {@code [start, end)} and the phrase's values. */
    public record Match<V>(int start, int end, List<V> values) {
        /** The phrase's first value. */
        public V value() {
            return values.get(0);
        }
    }

    /** The longest phrase starting at token {@code i} and ending by {@code limit}, or null. */
    public Match<V> longest(TokenView t, int i, int limit) {
        return longest(t, i, limit, null);
    }

    /**
     * As {@link #longest(TokenView, int, int)}, counting only phrases with a value {@code accept}
     * takes (null: all), and giving only those values.
     */
    public Match<V> longest(TokenView t, int i, int limit, Predicate<V> accept) {
        if (i < 0 || i >= Math.min(limit, t.size()) || !mayStartAt(t, i)) {
            return null;
        }
        Node<V> n = root;
        Match<V> best = null;
        int end = Math.min(limit, t.size());
        for (int k = i; k < end && k - i < maxLength; k++) {
            if (k > i && t.newlineBefore(k)) {
                break;
            }
            n = n.next.get(t.fold(k));
            if (n == null) {
                break;
            }
            if (!n.values.isEmpty()) {
                List<V> ok = accept == null ? n.values : accepted(n.values, accept);
                if (ok != null) {
                    best = new Match<>(i, k + 1, ok);
                }
            }
        }
        return best;
    }

    private static <V> List<V> accepted(List<V> values, Predicate<V> accept) {
        List<V> ok = null;
        for (V v : values) {
            if (accept.test(v)) {
                if (ok == null) {
                    ok = new ArrayList<>(2);
                }
                ok.add(v);
            }
        }
        return ok;
    }

    /** The longest phrase that ends exactly before token {@code end}, or null. */
    public Match<V> endingAt(TokenView t, int end) {
        return endingAt(t, end, 0);
    }

    /** The longest phrase that ends exactly before token {@code end} and starts at {@code from} or later, or null. */
    public Match<V> endingAt(TokenView t, int end, int from) {
        for (int s = Math.max(from, end - maxLength); s < end; s++) {
            Node<V> n = exact(t, s, end);
            if (n != null && !n.values.isEmpty()) {
                return new Match<>(s, end, n.values);
            }
        }
        return null;
    }

    /** The node of tokens {@code [s, end)} on one line, or null. */
    private Node<V> exact(TokenView t, int s, int end) {
        if (!mayStartAt(t, s)) {
            return null;
        }
        Node<V> n = root;
        for (int k = s; k < end && n != null; k++) {
            if (k > s && t.newlineBefore(k)) {
                return null;
            }
            n = n.next.get(t.fold(k));
        }
        return n;
    }
}

package org.vnextract.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.vnextract.internal.Validate;
import org.vnextract.text.Fold;
import org.vnextract.text.TokenKind;

/**
 * Phrases of folded tokens ({@link TokenView#fold}) mapped to values, matched at a token position of
 * a {@link TokenView}: the longest phrase starting there, or the longest ending there. A phrase
 * never runs across a line break. A match costs at most the length of the longest phrase, so
 * scanning a text with it is linear in the number of tokens. A token is first tested by the first
 * char of its fold, read from the text through {@link Fold#foldedFirst}: most tokens start no phrase
 * and are ruled out without reading their folded form (a string per token, seldom still in the cache
 * when a later extractor reads it). A reader that asks on every token of a text can ask more
 * ({@link #firstWordAt}): whether the token's chars spell one of the phrases' first words, read down
 * a table of the words' chars.
 *
 * <p>Built once, then read only: thread-safe after construction.
 *
 * @param <V> the value of a phrase; a phrase added twice keeps both values, in order
 */
public final class PhraseTrie<V> {
    private static final class Node<V> {
        final Map<String, Node<V>> next = new HashMap<>(4);
        final List<V> values = new ArrayList<>(1);
        /** The nodes of {@link #next} by word id ({@link #wordAt}), ids and nodes in parallel. */
        int[] kidIds = new int[0];
        Object[] kids = new Object[0];

        @SuppressWarnings("unchecked")
        Node<V> kid(int id) {
            int[] ids = kidIds;
            for (int x = 0; x < ids.length; x++) {
                if (ids[x] == id) {
                    return (Node<V>) kids[x];
                }
            }
            return null;
        }

        void addKid(int id, Node<V> kid) {
            kidIds = java.util.Arrays.copyOf(kidIds, kidIds.length + 1);
            kids = java.util.Arrays.copyOf(kids, kids.length + 1);
            kidIds[kidIds.length - 1] = id;
            kids[kids.length - 1] = kid;
        }
    }

    /** {@link #wordAt}: the token folds to no word of the phrases. */
    private static final int NO_WORD = -1;
    /** {@link #wordAt}: its chars cannot tell; its folded form must be read. */
    private static final int UNKNOWN_WORD = -2;

    private final Node<V> root = new Node<>();
    private int maxLength;
    /** The first chars of the phrases' first folded tokens, by char; {@link #anyFirst} for one past the table. */
    private final boolean[] firstChars = new boolean[0x2070];
    private boolean anyFirst;
    /**
     * The phrases' first folded words as a trie of their chars' bases ({@link Fold#foldedBase}, tone
     * marks left out), for {@link #firstWordAt}; a word ends at a node whose id is set.
     */
    private final CharTrie firstWords = new CharTrie();
    /**
     * Every folded word of the phrases as a trie of its chars as {@link Fold#fold} writes them (the
     * bases, then the tone marks), for {@link #wordAt}: the word's id at the node where it ends.
     */
    private final CharTrie words = new CharTrie();
    private final Map<String, Integer> wordIds = new HashMap<>();
    /** The root's kids by word id (the root may have many). */
    private Object[] rootKids = new Object[0];

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
        addFirstWord(first);
        Node<V> n = root;
        for (String f : folded) {
            Node<V> kid = n.next.get(f);
            if (kid == null) {
                kid = new Node<>();
                n.next.put(f, kid);
                int id = wordIds.computeIfAbsent(f, w -> {
                    words.add(w, wordIds.size());
                    return wordIds.size();
                });
                if (n == root) {
                    if (id >= rootKids.length) {
                        rootKids = java.util.Arrays.copyOf(rootKids, Math.max(id + 1, 2 * rootKids.length));
                    }
                    rootKids[id] = kid;
                } else {
                    n.addKid(id, kid);
                }
            }
            n = kid;
        }
        n.values.add(value);
        maxLength = Math.max(maxLength, folded.size());
    }

    /** Adds a first word's chars' bases to the tables of {@link #firstWordAt}; a word of tone marks only adds none. */
    private void addFirstWord(String word) {
        StringBuilder bases = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Fold.isToneMark(c)) {
                bases.append(c);
            }
        }
        firstWords.add(bases.toString(), 0);
    }

    private static long edgeKey(int node, char c) {
        return (long) node << 16 | c;
    }

    /**
     * Words as a trie of their chars (node 0 the root): the node after the first char, by char (0:
     * none); the node after a node and a char, in an open-addressing table (a key {@code node << 16 |
     * char} and its node in one long, 0 an empty slot); a word's id + 1 at the node where it ends.
     */
    private static final class CharTrie {
        int[] first = new int[0];
        long[] edges = new long[16];
        int edgeCount;
        int nodes = 1;
        int[] ids = new int[16];

        /** The node after {@code node} (0: the root) and {@code c}, or 0 when no word goes on so. */
        int next(int node, char c) {
            if (node == 0) {
                return c < first.length ? first[c] : 0;
            }
            long key = edgeKey(node, c);
            long[] t = edges;
            int m = t.length - 1;
            for (int k = Long.hashCode(key * 0x9E3779B97F4A7C15L) & m; ; k = (k + 1) & m) {
                long v = t[k];
                if (v == 0) {
                    return 0;
                }
                if (v >>> 32 == key) {
                    return (int) v;
                }
            }
        }

        void add(String word, int id) {
            int node = 0;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                int next = next(node, c);
                if (next == 0) {
                    Validate.isTrue(nodes < 1 << 16, "word", "words too long for the word tables (2^16 nodes)");
                    next = nodes++;
                    if (next == ids.length) {
                        ids = java.util.Arrays.copyOf(ids, 2 * next);
                    }
                    if (node == 0) {
                        if (c >= first.length) {
                            first = java.util.Arrays.copyOf(first, c + 1);
                        }
                        first[c] = next;
                    } else {
                        put(node, c, next);
                    }
                }
                node = next;
            }
            if (node != 0) {
                ids[node] = id + 1;
            }
        }

        private void put(int node, char c, int next) {
            if (2 * (edgeCount + 1) > edges.length) {
                long[] old = edges;
                edges = new long[2 * old.length];
                edgeCount = 0;
                for (long v : old) {
                    if (v != 0) {
                        put((int) (v >>> 48), (char) (v >>> 32), (int) v);
                    }
                }
            }
            long key = edgeKey(node, c);
            int m = edges.length - 1;
            int k = Long.hashCode(key * 0x9E3779B97F4A7C15L) & m;
            while (edges[k] != 0) {
                k = (k + 1) & m;
            }
            edges[k] = key << 32 | next;
            edgeCount++;
        }
    }

    /**
     * The id of the phrases' word that token {@code k} folds to ({@link TokenView#fold}), told from
     * its chars without reading or making its folded form: {@link #NO_WORD} when it folds to none,
     * {@link #UNKNOWN_WORD} when the chars cannot tell (punctuation, which the view keeps as written;
     * a char outside {@link Fold}'s tables or one folding strips at a word's ends, where the fold may
     * take another way). A token of such chars folds to their bases and then their tone marks (an
     * abbreviation's dots dropped), and the walk reads exactly that.
     */
    private int wordAt(TokenView t, int k) {
        TokenKind kind = t.kind(k);
        if (kind == TokenKind.PUNCT) {
            return UNKNOWN_WORD;
        }
        String text = t.text();
        int from = t.start(k);
        int to = t.end(k);
        boolean abbreviation = kind == TokenKind.ABBREVIATION;
        int node = 0;
        boolean any = false;
        boolean tones = false;
        for (int x = from; x < to; x++) {
            char c = text.charAt(x);
            if (abbreviation && c == '.') {
                continue;
            }
            char b = Fold.foldedBase(c);
            if (b == 0) {
                return UNKNOWN_WORD;
            }
            any = true;
            tones |= Fold.foldedTone(c) != 0;
            node = words.next(node, b);
            if (node == 0) {
                return plainTail(text, x + 1, to, abbreviation) ? NO_WORD : UNKNOWN_WORD;
            }
        }
        if (!any) {
            return UNKNOWN_WORD;
        }
        if (tones) {
            for (int x = from; x < to; x++) {
                char c = text.charAt(x);
                char m = abbreviation && c == '.' ? 0 : Fold.foldedTone(c);
                if (m != 0) {
                    node = words.next(node, m);
                    if (node == 0) {
                        return NO_WORD;
                    }
                }
            }
        }
        return words.ids[node] - 1;
    }

    /** Whether every char of text[from, to) has a base (an abbreviation's dots aside): the fold is bases and tones. */
    private static boolean plainTail(String text, int from, int to, boolean abbreviation) {
        for (int x = from; x < to; x++) {
            char c = text.charAt(x);
            if (Fold.foldedBase(c) == 0 && !(abbreviation && c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** The node after {@code n} for token {@code k}, by {@link #wordAt}, or null. */
    @SuppressWarnings("unchecked")
    private Node<V> kidByChars(Node<V> n, TokenView t, int k) {
        int id = wordAt(t, k);
        if (id == NO_WORD) {
            return null;
        }
        if (id == UNKNOWN_WORD) {
            return n.next.get(t.fold(k));
        }
        if (n == root) {
            return id < rootKids.length ? (Node<V>) rootKids[id] : null;
        }
        return n.kid(id);
    }

    /**
     * {@link #longest(TokenView, int, int)}, each token read by its chars ({@link #wordAt}) rather
     * than its folded form: the same match, without touching a folded string (a cache miss each
     * when another stage made it, a string made when none did).
     */
    public Match<V> longestByChars(TokenView t, int i, int limit) {
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
            n = kidByChars(n, t, k);
            if (n == null) {
                break;
            }
            if (!n.values.isEmpty()) {
                best = new Match<>(i, k + 1, n.values);
            }
        }
        return best;
    }

    /** {@link #exactly}, each token read by its chars ({@link #longestByChars}). */
    public Match<V> exactlyByChars(TokenView t, int s, int end) {
        if (!mayStartAt(t, s)) {
            return null;
        }
        Node<V> n = root;
        for (int k = s; k < end && n != null; k++) {
            if (k > s && t.newlineBefore(k)) {
                return null;
            }
            n = kidByChars(n, t, k);
        }
        return n != null && !n.values.isEmpty() ? new Match<>(s, end, n.values) : null;
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

    /**
     * False when token {@code i} folds ({@link TokenView#fold}) to none of the phrases' first words,
     * told from its chars without reading or making its folded form: each char is read as its folded
     * base down the tables of the words' bases, and most tokens leave them after a char or two. True
     * when it may, or when the tables cannot tell (a char outside them, or one that folding strips at
     * a word's ends: the fold is then read as {@link #longest} reads it). A token whose fold is one
     * of the words has that word's bases, so a token ruled out starts no phrase.
     */
    public boolean firstWordAt(TokenView t, int i) {
        TokenKind kind = t.kind(i);
        if (kind == TokenKind.PUNCT) {
            return true; // the view keeps punctuation as written
        }
        String text = t.text();
        int to = t.end(i);
        boolean abbreviation = kind == TokenKind.ABBREVIATION;
        int node = 0;
        boolean any = false;
        for (int k = t.start(i); k < to; k++) {
            char c = text.charAt(k);
            if (abbreviation && c == '.') {
                continue; // the view drops an abbreviation's dots
            }
            char b = Fold.foldedBase(c);
            if (b == 0) {
                return true;
            }
            any = true;
            node = firstWords.next(node, b);
            if (node == 0) {
                return false;
            }
        }
        return !any || firstWords.ids[node] != 0;
    }

    /**
     * False when no phrase's first word starts with the folded base of {@code c}: then
     * {@link #firstWordAt} is false for a token of letters ({@link TokenKind#WORD}) whose first char
     * is {@code c}, told from that char alone.
     */
    public boolean firstWordMayStartWith(char c) {
        char b = Fold.foldedBase(c);
        return b == 0 || firstWords.next(0, b) != 0;
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

    /** The phrase that is exactly tokens {@code [s, end)}, on one line, or null. */
    public Match<V> exactly(TokenView t, int s, int end) {
        Node<V> n = exact(t, s, end);
        return n != null && !n.values.isEmpty() ? new Match<>(s, end, n.values) : null;
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

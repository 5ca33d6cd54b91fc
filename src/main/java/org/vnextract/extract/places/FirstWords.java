package org.vnextract.extract.places;

import java.util.Arrays;
import java.util.Set;
import org.vnextract.extract.TokenView;
import org.vnextract.text.Fold;
import org.vnextract.text.TokenKind;

/**
 * The first folded words of a set of phrases, asked about a token of a {@link TokenView} without
 * reading or making its folded form: a gate in front of a {@link org.vnextract.extract.PhraseTrie}.
 * The token's chars are read one by one as their folded bases ({@link Fold#foldedBase}, tones left
 * out) down a trie of the words' bases; most tokens leave it after a char or two. A token whose fold
 * ({@link TokenView#fold}) is one of the words has that word's base, so a token ruled out starts no
 * phrase (the trie would fold it, hash its fold and miss).
 *
 * <p>Immutable after construction; thread-safe.
 */
final class FirstWords {
    /** A node: the bases of the next chars, the node after each, and whether a word's base ends here. */
    private static final class Node {
        char[] chars = new char[0];
        Node[] next = new Node[0];
        boolean end;

        Node child(char c) {
            for (int k = 0; k < chars.length; k++) {
                if (chars[k] == c) {
                    return next[k];
                }
            }
            return null;
        }
    }

    private final Node root = new Node();
    /** The root's children by the base of the first char: most tokens are ruled out by this one read. */
    private final Node[] firsts;

    /** The gate for these folded words ({@link TokenView#fold} forms; empty ones are left out). */
    FirstWords(Set<String> words) {
        for (String w : words) {
            Node n = root;
            boolean any = false;
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (Fold.isToneMark(c)) {
                    continue;
                }
                any = true;
                Node next = n.child(c);
                if (next == null) {
                    next = new Node();
                    n.chars = Arrays.copyOf(n.chars, n.chars.length + 1);
                    n.next = Arrays.copyOf(n.next, n.next.length + 1);
                    n.chars[n.chars.length - 1] = c;
                    n.next[n.next.length - 1] = next;
                }
                n = next;
            }
            if (any) {
                n.end = true;
            }
        }
        char max = 0;
        for (char c : root.chars) {
            max = (char) Math.max(max, c);
        }
        firsts = new Node[max + 1];
        for (int k = 0; k < root.chars.length; k++) {
            firsts[root.chars[k]] = root.next[k];
        }
    }

    /**
     * False when token {@code i} folds ({@link TokenView#fold}) to none of the words; true when it
     * may, or when the tables cannot tell (a char outside them, or one that folding strips at a word's
     * ends: the fold is then read as the trie reads it).
     */
    boolean mayStart(TokenView t, int i) {
        String text = t.text();
        int to = t.end(i);
        TokenKind kind = t.kind(i);
        if (kind == TokenKind.PUNCT) {
            return true; // the view keeps punctuation as written
        }
        boolean abbreviation = kind == TokenKind.ABBREVIATION;
        Node n = root;
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
            if (any) {
                n = n.child(b);
            } else {
                any = true;
                n = b < firsts.length ? firsts[b] : null;
            }
            if (n == null) {
                return false;
            }
        }
        return !any || n.end;
    }
}

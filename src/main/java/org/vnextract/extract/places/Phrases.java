package org.vnextract.extract.places;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vnextract.text.Fold;

/**
 * A set of phrases of whole words, each with a value, matched against folded tokens (case and
 * tone-mark placement ignored, surrounding dots dropped: "TP." = "tp", "Huyện uỷ" = "huyện ủy").
 * The first word of every phrase is kept in lower case so that most tokens are ruled out without
 * folding them.
 *
 * <p>Immutable after construction; thread-safe.
 *
 * @param <V> the value of a phrase
 */
final class Phrases<V> {
    private final Map<String, V> phrases = new HashMap<>();
    private final Set<String> firstWords = new HashSet<>();
    /** The first letters of the first words, lower case: most tokens are ruled out by one char. */
    private final boolean[] firstChars = new boolean[0x1F00];
    /** Hashes of the name keys of the first words ({@link Gazetteer#keyHash}), as a one-hash filter. */
    private final boolean[] firstKeys = new boolean[1 << 16];
    private int maxWords;

    void add(String phrase, V value) {
        String f = Fold.fold(phrase);
        if (f.isEmpty()) {
            return;
        }
        phrases.put(f, value);
        String[] words = f.split(" ");
        maxWords = Math.max(maxWords, words.length);
        firstWords.add(words[0]);
        String first = phrase.strip().split("\\s+")[0].toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        firstWords.add(first);
        for (String w : new String[] {first, words[0]}) {
            firstKeys[Gazetteer.keyHash(w, 0, w.length()) & (firstKeys.length - 1)] = true;
            if (!w.isEmpty() && w.charAt(0) < firstChars.length) {
                firstChars[w.charAt(0)] = true;
            }
        }
    }

    int maxWords() {
        return maxWords;
    }

    /** False when no phrase starts with a word beginning with {@code c} (any case). */
    boolean mayStartWith(char c) {
        char l = Character.toLowerCase(c);
        return l >= firstChars.length || firstChars[l];
    }

    /**
     * False when no phrase starts with the token text[start, end) (its name key ruled out by hash);
     * true says only that it may: check the folded token with {@link #mayStartWith(String)}.
     */
    boolean mayStartWith(String text, int start, int end) {
        return firstKeys[Gazetteer.keyHash(text, start, end) & (firstKeys.length - 1)];
    }

    /** True when a phrase may start with a token whose lower case (without a final dot) is {@code lower}. */
    boolean mayStartWith(String lower) {
        return firstWords.contains(lower);
    }

    /** The value of the folded phrase, or null. */
    V get(String folded) {
        return phrases.get(folded);
    }

    static <V> Phrases<V> of(List<String> lines, java.util.function.Function<String[], V> value) {
        Phrases<V> p = new Phrases<>();
        for (String l : lines) {
            String[] f = l.split("\t", -1);
            p.add(f[0], value.apply(f));
        }
        return p;
    }
}

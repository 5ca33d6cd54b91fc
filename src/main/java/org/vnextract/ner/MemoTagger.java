package org.vnextract.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.vnextract.internal.Validate;

/**
 * An {@link EntityTagger} that tags each sentence on its own (a new decoder state for each, so its
 * names depend on its words alone) and remembers the names of short ones: the extractors ask about
 * the same few words in article after article ("Chính phủ", "Bộ trưởng", "Việt Nam"), and the
 * answer is the same each time. At most {@code maxEntries} answers are kept; past that, new ones are
 * computed and not kept.
 *
 * <p>Thread-safe: the wrapped tagger is, and the memory is a concurrent map.
 */
public final class MemoTagger implements EntityTagger {
    private final EntityTagger tagger;
    private final int maxWords;
    private final int maxEntries;
    private final ConcurrentHashMap<Key, List<Entity>> memo = new ConcurrentHashMap<>();

    /** The words of one sentence, compared by content. */
    private record Key(String[] words) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(words, k.words);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(words);
        }
    }

    /**
     * @param maxWords   sentences of at most this many words are remembered
     * @param maxEntries how many answers are kept at most
     */
    public MemoTagger(EntityTagger tagger, int maxWords, int maxEntries) {
        this.tagger = Validate.notNull(tagger, "tagger");
        if (maxWords < 0 || maxEntries < 0) {
            throw new IllegalArgumentException("maxWords and maxEntries must be >= 0: " + maxWords + ", " + maxEntries);
        }
        this.maxWords = maxWords;
        this.maxEntries = maxEntries;
    }

    @Override
    public List<List<Entity>> tag(List<String[]> sentences) {
        Validate.noNulls(sentences, "sentences");
        List<List<Entity>> out = new ArrayList<>(sentences.size());
        for (String[] s : sentences) {
            if (s.length > maxWords) {
                out.add(tagger.tag(List.<String[]>of(s)).get(0));
                continue;
            }
            Key k = new Key(s.clone());
            List<Entity> found = memo.get(k);
            if (found == null) {
                found = List.copyOf(tagger.tag(List.<String[]>of(s)).get(0));
                if (memo.size() < maxEntries) {
                    memo.putIfAbsent(k, found);
                }
            }
            out.add(found);
        }
        return out;
    }
}

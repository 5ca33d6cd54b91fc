package org.vnextract.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Key;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Sentence;

/**
 * The entity tagger's names in one article (issue 13), read by extractors through {@link #KEY}:
 * persons, organisations and locations as character spans of the text, on word boundaries. The
 * tagger ({@link EntityTagger}) runs on demand, on the windows of words an extractor asks about
 * ({@link #around}), once per window: an extractor with three questions does not pay for forty sentences.
 *
 * <p>One per article. Thread-safe: the memory of tagged windows is guarded by this object.
 */
public final class Entities {
    public static final Key<Entities> KEY = Key.of("entities", Entities.class);

    /** A name: characters {@code [start, end)} of the article text, its type ({@link Entity}) and confidence. */
    public record Span(int start, int end, String type, double prob) {}

    private final EntityTagger tagger;
    private final AnalyzedText text;
    private final Words words;
    /** Windows of words tagged by {@link #around}, by first word and end word. */
    private final Map<Long, List<Span>> windows = new HashMap<>();

    public Entities(EntityTagger tagger, AnalyzedText text, Words words) {
        this.tagger = Validate.notNull(tagger, "tagger");
        this.text = Validate.notNull(text, "text");
        this.words = Validate.notNull(words, "words");
    }

    /** The index of the sentence holding character {@code offset}, or -1. */
    public int sentenceAt(int offset) {
        List<Sentence> ss = text.sentences();
        int lo = 0;
        int hi = ss.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Sentence s = ss.get(mid);
            if (offset < s.start()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /**
     * The names in a window of words around each character range {@code [start, end)}: the words
     * that hold the range and {@code margin} words either side, inside the range's sentence. The
     * tagger reads only the window (its features look two words either side), so a question about
     * two words costs a few words, not the sentence; every window not tagged yet goes to the tagger
     * in one call, and each is tagged once. A range outside every sentence has no names.
     */
    public synchronized List<List<Span>> around(List<int[]> ranges, int margin) {
        Validate.noNulls(ranges, "ranges");
        if (margin < 0) {
            throw new IllegalArgumentException("margin must be >= 0: " + margin);
        }
        long[] keys = new long[ranges.size()];
        List<Long> todo = new ArrayList<>();
        List<String[]> input = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            int[] range = ranges.get(i);
            keys[i] = -1;
            int s = sentenceAt(range[0]);
            if (s < 0 || range[1] <= range[0]) {
                continue;
            }
            int[] r = words.range(text.sentences().get(s));
            if (r[1] <= r[0]) {
                continue;
            }
            int first = Math.max(r[0], Math.min(r[1] - 1, words.wordAt(range[0])));
            int last = Math.max(first, Math.min(r[1] - 1, words.wordAt(range[1] - 1)));
            int lo = Math.max(r[0], first - margin);
            int hi = Math.min(r[1], last + 1 + margin);
            long key = ((long) lo << 32) | hi;
            keys[i] = key;
            if (windows.containsKey(key) || todo.contains(key)) {
                continue;
            }
            String[] ws = new String[hi - lo];
            for (int w = lo; w < hi; w++) {
                ws[w - lo] = words.joined(text, w);
            }
            todo.add(key);
            input.add(ws);
        }
        if (!todo.isEmpty()) {
            List<List<Entity>> found = tagger.tag(input);
            for (int i = 0; i < todo.size(); i++) {
                int lo = (int) (todo.get(i) >>> 32);
                List<Span> spans = new ArrayList<>(found.get(i).size());
                for (Entity e : found.get(i)) {
                    spans.add(new Span(words.start(lo + e.start()), words.end(lo + e.end() - 1), e.type(), e.prob()));
                }
                windows.put(todo.get(i), List.copyOf(spans));
            }
        }
        List<List<Span>> out = new ArrayList<>(ranges.size());
        for (long k : keys) {
            out.add(k < 0 ? List.of() : windows.get(k));
        }
        return out;
    }
}

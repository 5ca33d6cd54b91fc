package org.vnextract.store;

import java.util.ArrayList;
import java.util.List;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Sentence;
import org.vnextract.text.TextStage;

/**
 * Finds the sentence a mention stands in, for {@code document_mentions.sentence}. A record carries
 * offsets but not sentences, so the record's text (paragraphs joined by a line break) is run through
 * the same {@link TextStage} that split it during extraction. Should that not give back the same
 * text (a record written by another tool), the mention's paragraph is used. Either way the result
 * is cut to a window around the mention, so one page-long "sentence" never fills a result list.
 *
 * <p>Immutable; thread-safe.
 */
public final class SentenceLocator {
    /** The longest sentence kept, in chars; longer ones are cut around the mention. */
    public static final int MAX_CHARS = 600;

    /** A located sentence: char range in the text. */
    public record Located(int start, int end) {}

    private final TextStage stage;

    public SentenceLocator(ModelSource models) {
        this.stage = new TextStage(models, Integer.MAX_VALUE / 2, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
    }

    /** The sentences of a text, as char ranges, in order. */
    public List<Located> sentences(String text) {
        List<Located> out = new ArrayList<>();
        AnalyzedText t = stage.analyze(List.of(text.split("\n", -1)), false, new ArrayList<>());
        if (t.text().equals(text)) {
            for (Sentence s : t.sentences()) {
                out.add(new Located(s.start(), s.end()));
            }
            return out;
        }
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i > start) {
                    out.add(new Located(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** The sentence around the char range {@code [start, end)}, cut to {@link #MAX_CHARS}. */
    public static Located around(List<Located> sentences, String text, int start, int end) {
        Located hit = null;
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Located s = sentences.get(mid);
            if (s.end() <= start) {
                lo = mid + 1;
            } else if (s.start() > start) {
                hi = mid - 1;
            } else {
                hit = s;
                break;
            }
        }
        int a = hit == null ? start : hit.start();
        int b = hit == null ? end : Math.max(hit.end(), end);
        if (b - a > MAX_CHARS) {
            int room = Math.max(0, (MAX_CHARS - (end - start)) / 2);
            a = Math.max(a, start - room);
            b = Math.min(b, Math.max(end, a + MAX_CHARS));
            a = wordStart(text, a);
            b = wordEnd(text, b);
        }
        return new Located(a, b);
    }

    private static int wordStart(String text, int i) {
        int lim = Math.max(0, i - 20);
        while (i > lim && i < text.length() && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        if (i > 0 && i < text.length() && Character.isLowSurrogate(text.charAt(i))) {
            i--;
        }
        return i;
    }

    private static int wordEnd(String text, int i) {
        int lim = Math.min(text.length(), i + 20);
        while (i < lim && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i > 0 && i < text.length() && Character.isLowSurrogate(text.charAt(i))) {
            i++;
        }
        return i;
    }
}

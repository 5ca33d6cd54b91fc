package org.vnextract.ner;

import java.util.ArrayList;
import java.util.List;
import org.vnextract.internal.Validate;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Sentence;

/**
 * The sentences of an analysed text as the word tagger reads them: each sentence's words (tokens
 * joined by underscores, {@link Words#joined}) and the index of its first word in {@link Words}, so
 * that a word span maps back to characters ({@link Words#start}, {@link Words#end}).
 *
 * @param words      the words of each sentence
 * @param firstWords the index in {@code Words} of each sentence's first word
 *
 * <p>Immutable apart from the arrays it holds; build one per article.
 */
public record WordSentences(List<String[]> words, int[] firstWords) {

    public static WordSentences of(AnalyzedText text, Words words) {
        Validate.notNull(text, "text");
        Validate.notNull(words, "words");
        List<String[]> out = new ArrayList<>(text.sentences().size());
        int[] first = new int[text.sentences().size()];
        int k = 0;
        for (Sentence s : text.sentences()) {
            int[] r = words.range(s);
            String[] ws = new String[r[1] - r[0]];
            for (int w = r[0]; w < r[1]; w++) {
                ws[w - r[0]] = words.joined(text, w);
            }
            out.add(ws);
            first[k++] = r[0];
        }
        return new WordSentences(out, first);
    }
}

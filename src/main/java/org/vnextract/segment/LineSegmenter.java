package org.vnextract.segment;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.vnextract.internal.Validate;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Sentence;
import org.vnextract.text.SentenceSplitter;
import org.vnextract.text.Span;
import org.vnextract.text.Token;
import org.vnextract.text.Tokenizer;

/**
 * Word segmentation of one line of text as it is, for {@code vnextract segment}: tokenizer,
 * sentence splitter and segmenter, and nothing of the article pipeline (no cleaning, no
 * boilerplate rules, no size cut): every token of the line is in exactly one word. A line not in
 * NFC is composed first (the segmenter's lexicons are NFC); its offsets then refer to the composed
 * text, which {@link Line#text()} gives.
 *
 * <p>Immutable; thread-safe.
 */
public final class LineSegmenter {
    private final Tokenizer tokenizer;
    private final SentenceSplitter splitter;
    private final SegmentStage stage;

    public LineSegmenter(Tokenizer tokenizer, SentenceSplitter splitter, WordSegmenter segmenter) {
        this.tokenizer = Validate.notNull(tokenizer, "tokenizer");
        this.splitter = Validate.notNull(splitter, "splitter");
        this.stage = new SegmentStage(Validate.notNull(segmenter, "segmenter"));
    }

    /**
     * A segmented line.
     * @param text     the text the offsets refer to: the line, or its NFC form when it was not NFC
     * @param composed the line was not NFC and was composed
     * @param analyzed its tokens and sentences
     * @param words    its words
     */
    public record Line(String text, boolean composed, AnalyzedText analyzed, Words words) {}

    public Line segment(String line) {
        Validate.notNull(line, "line");
        boolean nfc = Normalizer.isNormalized(line, Normalizer.Form.NFC);
        String text = nfc ? line : Normalizer.normalize(line, Normalizer.Form.NFC);
        List<Token> tokens = new ArrayList<>(text.length() / 4 + 1);
        tokenizer.tokenize(text, 0, text.length(), tokens);
        List<Sentence> sentences = new ArrayList<>();
        splitter.split(text, tokens, 0, tokens.size(), sentences);
        AnalyzedText t = new AnalyzedText(text, List.of(new Span(0, text.length())), sentences, tokens, 0);
        return new Line(text, !nfc, t, stage.segment(t));
    }
}

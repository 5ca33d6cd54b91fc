package org.vnextract.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Sentence;
import org.vnextract.text.Span;
import org.vnextract.text.TextStage;
import org.vnextract.text.Token;

/**
 * Any paragraphs give an analysed text whose offsets hold: tokens in order inside their
 * paragraph, sentences covering their tokens, limits respected. Small limits, so cutting is reached.
 *
 * <p>Regression inputs: {@code src/test/resources/fuzz/TextFuzzTestInputs/text/}.
 */
class TextFuzzTest {
    private static final int MAX_CHARS = 2000;
    private static final int MAX_TOKENS = 40;
    private static final TextStage STAGE = new TextStage(ModelSource.bundled(), MAX_CHARS, MAX_TOKENS);

    @FuzzTest(maxDuration = "5m")
    void text(FuzzedDataProvider in) {
        List<String> paragraphs = new ArrayList<>();
        int n = in.consumeInt(0, 6);
        for (int i = 0; i < n; i++) {
            paragraphs.add(in.consumeString(800));
        }
        paragraphs.add(in.consumeRemainingAsString());
        List<String> warnings = new ArrayList<>();
        AnalyzedText t = STAGE.analyze(paragraphs, in.consumeBoolean(), warnings);
        String text = t.text();
        assertThat(text.length()).isLessThanOrEqualTo(MAX_CHARS);
        int prevEnd = 0;
        for (Token tok : t.tokens()) {
            assertThat(tok.start()).isGreaterThanOrEqualTo(prevEnd);
            assertThat(tok.end()).isGreaterThan(tok.start()).isLessThanOrEqualTo(text.length());
            prevEnd = tok.end();
        }
        int prevToken = 0;
        for (Sentence s : t.sentences()) {
            assertThat(s.firstToken()).isEqualTo(prevToken);
            assertThat(s.endToken() - s.firstToken()).isBetween(1, MAX_TOKENS);
            assertThat(s.start()).isEqualTo(t.tokens().get(s.firstToken()).start());
            assertThat(s.end()).isEqualTo(t.tokens().get(s.endToken() - 1).end());
            prevToken = s.endToken();
        }
        assertThat(prevToken).isEqualTo(t.tokens().size());
        for (Span p : t.paragraphs()) {
            assertThat(p.end()).isLessThanOrEqualTo(text.length());
        }
    }
}

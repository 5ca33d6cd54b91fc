package org.vnextract.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.TextStage;
import org.vnextract.text.TokenKind;

/**
 * {@link PhraseTrie#firstWordAt} never rules out a token whose fold ({@link TokenView#fold}) is one of its
 * words: tone placements, capitals, abbreviations with dots, punctuation and chars outside the
 * fold tables included.
 */
class PhraseTrieFirstWordTest {
    @Test
    void rulesOutOnlyTokensThatFoldToNoWord() {
        TextStage text = new TextStage(ModelSource.directory(java.nio.file.Path.of("models")),
                TextStage.DEFAULT_MAX_CHARS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
        String s = "Huyện ủy HUYỆN huyên Thủy thuỷ TP. T.P TPHCM Tx. tp xã Xã XÃ Đảng đảng Ðảng tỉnh Tỉnh tinh "
                + "ĐẶC khu, Ủy ban: «tỉnh» ở Hà Nội và Thành phố Hồ Chí Minh; các cac Các\u0301 thuỳ hoà hòa "
                + "Phường phường-xã Ấp Ω ß İstanbul 2025 huyện\u0323 q.1 Q. quận";
        AnalyzedText at = text.analyze(List.of(s), false, new ArrayList<>());
        TokenView t = TokenView.of(at, null);
        Set<String> words = Set.of("huyện", "tp", "xã", "đảng", "tỉnh", "đặc", "ủy", "các", "hòa", "phường", "q", "quận", "«");
        Set<String> folded = new java.util.HashSet<>();
        PhraseTrie<Boolean> gate = new PhraseTrie<>();
        for (String w : words) {
            folded.add(TokenView.foldPhrase(w).get(0));
            gate.add(w + " x", Boolean.TRUE); // only the first word is asked about
        }
        int ruledOut = 0;
        for (int i = 0; i < t.size(); i++) {
            boolean may = gate.firstWordAt(t, i);
            if (folded.contains(t.fold(i))) {
                assertThat(may).as("token %s (%s)", t.slice(i, i + 1), t.kind(i)).isTrue();
            }
            if (!may) {
                ruledOut++;
            }
        }
        assertThat(ruledOut).isPositive();
        assertThat(t.kind(0)).isIn(TokenKind.WORD, TokenKind.ABBREVIATION);
    }

    /** Many first words (the char tables grow several times): each word passes, a word that is none is ruled out. */
    @Test
    void keepsEveryWordAsTheTablesGrow() {
        TextStage text = new TextStage(ModelSource.directory(java.nio.file.Path.of("models")),
                TextStage.DEFAULT_MAX_CHARS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
        PhraseTrie<Boolean> gate = new PhraseTrie<>();
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 400; k++) {
            String w = "từ" + Integer.toString(k * 7919, 36).replaceAll("[0-9]", "") + "khóa";
            gate.add(w, Boolean.TRUE);
            b.append(w).append(' ');
        }
        b.append("từkhóa từkhoáx ngoài");
        AnalyzedText at = text.analyze(List.of(b.toString()), false, new ArrayList<>());
        TokenView t = TokenView.of(at, null);
        for (int i = 0; i < t.size() - 3; i++) {
            assertThat(gate.firstWordAt(t, i)).as("token %s", t.slice(i, i + 1)).isTrue();
        }
        assertThat(gate.firstWordAt(t, t.size() - 2)).as("từkhoáx").isFalse();
        assertThat(gate.firstWordAt(t, t.size() - 1)).as("ngoài").isFalse();
    }
}

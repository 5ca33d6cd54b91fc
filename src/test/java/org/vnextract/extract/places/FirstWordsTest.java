package org.vnextract.extract.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vnextract.extract.TokenView;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.TextStage;
import org.vnextract.text.TokenKind;

/**
 * The first-word gate never rules out a token whose fold ({@link TokenView#fold}) is one of its
 * words: tone placements, capitals, abbreviations with dots, punctuation and chars outside the
 * fold tables included.
 */
class FirstWordsTest {
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
        for (String w : words) {
            folded.add(TokenView.foldPhrase(w).get(0));
        }
        FirstWords gate = new FirstWords(folded);
        int ruledOut = 0;
        for (int i = 0; i < t.size(); i++) {
            boolean may = gate.mayStart(t, i);
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
}

package org.vnextract.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.TextStage;

/**
 * {@link PhraseTrie#longestByChars} and {@link PhraseTrie#exactlyByChars} give what {@link PhraseTrie#longest}
 * and {@link PhraseTrie#exactly} give, at every token: tone placements, capitals, abbreviations with
 * dots, punctuation inside phrases, chars outside the fold tables, combining marks.
 */
class PhraseTrieByCharsTest {
    private static TokenView view(String s) {
        TextStage text = new TextStage(ModelSource.directory(java.nio.file.Path.of("models")),
                TextStage.DEFAULT_MAX_CHARS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
        AnalyzedText at = text.analyze(List.of(s), false, new ArrayList<>());
        return TokenView.of(at, null);
    }

    private static void assertSame(PhraseTrie<Integer> trie, TokenView t) {
        int matched = 0;
        for (int i = 0; i < t.size(); i++) {
            for (int limit = i; limit <= Math.min(t.size(), i + trie.maxLength() + 1); limit++) {
                PhraseTrie.Match<Integer> a = trie.longest(t, i, limit);
                assertThat(trie.longestByChars(t, i, limit)).as("longest at %s, limit %d", t.slice(i, i + 1), limit).isEqualTo(a);
                matched += a == null ? 0 : 1;
            }
            for (int end = i + 1; end <= Math.min(t.size(), i + trie.maxLength()); end++) {
                assertThat(trie.exactlyByChars(t, i, end)).as("exactly %s", t.slice(i, end)).isEqualTo(trie.exactly(t, i, end));
            }
        }
        assertThat(matched).isPositive();
    }

    @Test
    void matchesAsTheFoldedFormsDo() {
        PhraseTrie<Integer> trie = new PhraseTrie<>();
        String[] phrases = {"huyện", "huyện ủy", "thành phố", "tp.", "tp", "TP.HCM", "thị xã", "xã", "đảng bộ tỉnh",
            "tỉnh ủy", "tỉnh, thành phố", "ủy ban nhân dân", "UBND tỉnh", "«tỉnh»", "hòa bình", "thuỷ lợi",
            "phường-xã", "q.1", "quận", "các tỉnh", "9 tỉnh", "İstanbul", "Ω"};
        for (int k = 0; k < phrases.length; k++) {
            trie.add(phrases[k], k);
        }
        trie.add("thành phố", 99); // a phrase twice keeps both values
        String s = "Huyện ủy HUYỆN huyên Thủy thuỷ lợi thủy lợi TP. T.P TP.HCM TPHCM Tx. tp xã Xã XÃ Đảng bộ tỉnh Ðảng bộ Tỉnh "
                + "tinh ĐẶC khu, Ủy ban nhân dân UBND tỉnh: «tỉnh» ở Hà Nội và Thành phố Hồ Chí Minh; các tỉnh, thành phố "
                + "các cac Các\u0301 tỉnh thuỳ hoà bình hòa bình Hoà Bình Phường phường-xã Ấp Ω ß İstanbul 2025 9 tỉnh "
                + "huyện\u0323 q.1 Q. quận thi\u0300 xa\u0303 thành\nphố Thành Phố";
        assertSame(trie, view(s));
    }

    /** Many words (the char tables and the root's kids grow several times). */
    @Test
    void keepsEveryWordAsTheTablesGrow() {
        PhraseTrie<Integer> trie = new PhraseTrie<>();
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 400; k++) {
            String w = "từ" + Integer.toString(k * 7919, 36).replaceAll("[0-9]", "") + "khóa";
            trie.add(w + (k % 3 == 0 ? " mở rộng" : ""), k);
            b.append(w).append(k % 2 == 0 ? " mở rộng " : " ");
        }
        b.append("từkhóa từkhoáx ngoài");
        assertSame(trie, view(b.toString()));
    }
}

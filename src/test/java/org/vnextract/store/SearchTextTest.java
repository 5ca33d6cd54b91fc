package org.vnextract.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {
    @Test
    void strictFormIgnoresCaseAndToneMarkPlacementButKeepsLetters() {
        assertThat(SearchText.strict("Đảng")).isEqualTo("đang3");
        assertThat(SearchText.strict("hoà")).isEqualTo(SearchText.strict("hòa"));
        assertThat(SearchText.strict("THUỶ")).isEqualTo(SearchText.strict("thủy"));
        assertThat(SearchText.strict("Đảng")).isNotEqualTo(SearchText.strict("đang"));
        assertThat(SearchText.strict("\u00D0ảng")).as("eth lookalike").isEqualTo("đang3");
    }

    @Test
    void looseFormDropsEveryDiacriticIncludingDStroke() {
        assertThat(SearchText.loose("Đảng")).isEqualTo("dang");
        assertThat(SearchText.looseText("Chỉnh đốn Đảng, ngày 21-KL/TW")).isEqualTo("chinh don dang ngay 21 kl tw");
        assertThat(SearchText.hasDiacritics("chinh don dang")).isFalse();
        assertThat(SearchText.hasDiacritics("chinh don Đang")).isTrue();
    }

    @Test
    void phrasesAreFoundWithTheirCharOffsets() {
        String text = "Về chỉnh  đốn Đảng 😀 và CHỈNH ĐỐN ĐẢNG.";
        List<int[]> hits = SearchText.find(SearchText.words(text), SearchText.queryWords("chỉnh đốn đảng", true), true);
        assertThat(hits).hasSize(2);
        assertThat(text.substring(hits.get(0)[0], hits.get(0)[1])).isEqualTo("chỉnh  đốn Đảng");
        assertThat(text.substring(hits.get(1)[0], hits.get(1)[1])).isEqualTo("CHỈNH ĐỐN ĐẢNG");
    }
}

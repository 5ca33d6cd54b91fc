package org.vnextract.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldTest {
    @Test
    void tonePlacementCaseAndSpacesDoNotMatter() {
        assertThat(Fold.fold("Phó Bí thư Thường trực Tỉnh ủy")).isEqualTo(Fold.fold("phó  bí thư thường trực tỉnh uỷ"));
        assertThat(Fold.fold("hòa")).isEqualTo(Fold.fold("hoà"));
        assertThat(Fold.fold("thủy")).isEqualTo(Fold.fold("thuỷ"));
        assertThat(Fold.fold("HÐND")).isEqualTo(Fold.fold("HĐND"));
        assertThat(Fold.fold(" “Đảng”. ")).isEqualTo(Fold.fold("đảng"));
        assertThat(Fold.fold("hòa")).isNotEqualTo(Fold.fold("hóa"));
    }
}

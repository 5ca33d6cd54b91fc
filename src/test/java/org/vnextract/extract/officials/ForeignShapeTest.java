package org.vnextract.extract.officials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vnextract.pipeline.ModelSource;

/** The syllable shape of {@code models/officials/syllables.tsv}: Vietnamese words pass, foreign ones do not. */
class ForeignShapeTest {
    static OfficialLexicon lex;
    static ModelSource models;

    @BeforeAll
    static void setUp() {
        models = ModelSource.directory(java.nio.file.Path.of("models"));
        lex = new OfficialLexicon(models);
    }

    static boolean foreign(String w) {
        return lex.foreignWord(w, 0, w.length());
    }

    @Test
    void vietnameseSyllablesAreNotForeign() {
        for (String w : List.of("Nguyễn", "Khuyến", "Giàng", "Quốc", "Nghiêm", "Thượng", "Trường", "Hoàng", "Uyên",
                "Oanh", "Huỳnh", "Yến", "Ngoãn", "Gì", "Đặng", "Khuya", "Quyền", "Han", "Min")) {
            assertThat(foreign(w)).as(w).isFalse();
        }
    }

    @Test
    void foreignWordsAreForeign() {
        for (String w : List.of("Trump", "Pence", "Mattis", "DeVos", "Jae", "Sabeco", "Kishida", "Putin", "Wallace",
                "Zeman")) {
            assertThat(foreign(w)).as(w).isTrue();
        }
    }

    /** Nearly every syllable of the given-name list is of Vietnamese shape (a few loan syllables are not). */
    @Test
    void givenNameSyllablesAreVietnamese() {
        List<String> bad = new ArrayList<>();
        int all = 0;
        for (String l : models.lines("officials/given-names.txt")) {
            for (String w : l.trim().split(" ")) {
                all++;
                if (foreign(w)) {
                    bad.add(w);
                }
            }
        }
        assertThat(all).isGreaterThan(1000);
        assertThat(bad.size()).as(bad.toString()).isLessThan(all / 100);
    }
}

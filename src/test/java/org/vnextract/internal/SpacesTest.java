package org.vnextract.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vnextract.text.TextNormalizer;

/** The one white-space collapse the cleaner and the text normaliser share, and what each adds to it. */
class SpacesTest {
    @Test
    void runsOfAnySpaceBecomeOneAndEndsAreTrimmed() {
        assertThat(Spaces.collapse(" \t Kết\u00A0\u00A0luận \n số\u202F21 ", "")).isEqualTo("Kết luận số 21");
        assertThat(Spaces.collapse("", "")).isEmpty();
        assertThat(Spaces.collapse(" \u00A0\t", "")).isEmpty();
    }

    @Test
    void callersAddTheirOwnSpaces() {
        assertThat(Spaces.collapse("a\u200Bb", "")).isEqualTo("a\u200Bb");
        assertThat(Spaces.collapse("a\u200Bb", "\u200B")).isEqualTo("a b");
        assertThat(Spaces.collapse("a\u2007 b", "\u2007")).isEqualTo("a b");
    }

    @Test
    void theNormaliserDropsZeroWidthCharactersButCollapsesFigureSpaces() {
        TextNormalizer n = new TextNormalizer();
        assertThat(n.normalize(" Ðảng\u200B viên \u2007 Bình\u00ADĐịnh ").text()).isEqualTo("Đảng viên BìnhĐịnh");
        assertThat(n.normalize("a\u200Bb").text()).isEqualTo("ab");
        assertThat(n.normalize("«Đảng»\u00A0\u00A0ta").text()).isEqualTo("\"Đảng\" ta");
    }

    @Test
    void nullsAreProgrammerErrors() {
        assertThatThrownBy(() -> Spaces.collapse(null, "")).hasMessageContaining("s");
        assertThatThrownBy(() -> Spaces.collapse("a", null)).hasMessageContaining("alsoSpace");
    }
}

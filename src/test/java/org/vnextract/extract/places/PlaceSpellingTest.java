package org.vnextract.extract.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The article's spelling of a place, written by hand, reads as the two regular expressions it
 * replaced; so do the numbers of the national cues ({@link PlaceExtractor#numbersAsNine}).
 */
class PlaceSpellingTest {
    private static String byRegex(String written, String standard) {
        return written.replaceAll("\\s*[-–]\\s*", standard.contains(" - ") ? " - " : " ").replaceAll("\\s+", " ").strip();
    }

    @Test
    void examples() {
        assertThat(PlaceExtractor.spelling("Thừa Thiên-Huế", "Thừa Thiên - Huế")).isEqualTo("Thừa Thiên - Huế");
        assertThat(PlaceExtractor.spelling("Bà Rịa – Vũng Tàu", "Bà Rịa Vũng Tàu")).isEqualTo("Bà Rịa Vũng Tàu");
        assertThat(PlaceExtractor.spelling("Cam-pu-chia", "Campuchia")).isEqualTo("Cam pu chia");
        assertThat(PlaceExtractor.spelling(" Hà  Nội\n", "Hà Nội")).isEqualTo("Hà Nội");
    }

    @Test
    void equalsTheExpressionsOnRandomStrings() {
        Random r = new Random(20261205);
        char[] pool = "aàB -–\t\n\u00A0\u2003".toCharArray();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = r.nextInt(10); i > 0; i--) {
                b.append(pool[r.nextInt(pool.length)]);
            }
            String standard = r.nextBoolean() ? "A - B" : "A B";
            assertThat(PlaceExtractor.spelling(b.toString(), standard)).as("[%s]", b).isEqualTo(byRegex(b.toString(), standard));
        }
    }

    @Test
    void numbersAsNineEqualsTheExpression() {
        Random r = new Random(20261206);
        char[] pool = "09 5a¶|٣".toCharArray();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = r.nextInt(12); i > 0; i--) {
                b.append(pool[r.nextInt(pool.length)]);
            }
            String s = b.toString();
            assertThat(PlaceExtractor.numbersAsNine(s)).as("[%s]", s).isEqualTo(s.replaceAll("[0-9]+", "9"));
        }
    }
}

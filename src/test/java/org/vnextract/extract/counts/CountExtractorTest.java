package org.vnextract.extract.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vnextract.extract.dates.ArticleTexts;
import org.vnextract.extract.dates.DateExtractor;
import org.vnextract.pipeline.Analysis;
import org.vnextract.text.AnalyzedText;

/** Runs the positive and negative count corpora of {@code src/test/resources/counts/}. */
class CountExtractorTest {
    private static final CountExtractor COUNTS = new CountExtractor(ArticleTexts.MODELS);
    private static final DateExtractor DATES = new DateExtractor(ArticleTexts.MODELS);

    static Stream<Arguments> positive() throws Exception {
        return ArticleTexts.rows("counts/positive.tsv").stream().map(r -> Arguments.of(r[0], r[1]));
    }

    static Stream<Arguments> negative() throws Exception {
        return ArticleTexts.rows("counts/negative.tsv").stream().map(r -> Arguments.of((Object) r[0]));
    }

    static List<CountMention> counts(String text) {
        return COUNTS.extract(analyze(text));
    }

    /** The analysis counts reads: text, words, and the dates and periods found in them. */
    static Analysis analyze(String text) {
        return DATES.process(ArticleTexts.analyze(null, text));
    }

    /** "value|total|max|unit" with empty fields for null; values compared as numbers. */
    static String describe(CountMention c) {
        return plain(c.value()) + "|" + plain(c.total()) + "|" + plain(c.valueMax()) + "|" + c.unit();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positive")
    void findsTheCounts(String text, String expected) {
        assertThat(counts(text)).extracting(CountExtractorTest::describe).containsExactly(expected.split(";"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negative")
    void findsNoCount(String text) {
        assertThat(counts(text)).extracting(CountExtractorTest::describe).isEmpty();
    }

    @Test
    void qualifierAndTextAndOffsets() {
        String text = "Qua hơn 2 năm thực hiện, trên 90% quần chúng tham gia.";
        Analysis a = analyze(text);
        List<CountMention> cs = COUNTS.extract(a);
        assertThat(cs).extracting(CountMention::qualifier).containsExactly("hơn", "trên");
        assertThat(cs).extracting(CountMention::text).containsExactly("hơn 2 năm", "trên 90%");
        String t = a.get(AnalyzedText.KEY).text();
        for (CountMention c : cs) {
            assertThat(t.substring(c.start(), c.end())).isEqualTo(c.text());
        }
    }

    @Test
    void aUnitWrittenAgainstItsNumberKeepsExactOffsets() {
        // the tokenizer splits "300kg" into 300 and kg; the mention must still cover exactly what is written
        String text = "Quả bom nặng khoảng 300kg nằm trên khuôn viên 407m 2, cách 588m – 644m.";
        Analysis a = analyze(text);
        List<CountMention> cs = COUNTS.extract(a);
        assertThat(cs).extracting(CountMention::text).containsExactly("khoảng 300kg", "407m 2", "588m – 644m");
        String t = a.get(AnalyzedText.KEY).text();
        for (CountMention c : cs) {
            assertThat(t.substring(c.start(), c.end())).isEqualTo(c.text());
        }
    }

    @Test
    void leavesTheDatesAndPeriodsTheDatesExtractorFound() {
        // counts reads the dates stage's mentions: "28-6-2021" and "5 năm 2015-2020" count nothing
        assertThat(counts("Ngày 28-6-2021 có 3 đồng chí; sau 5 năm 2015-2020 có 7 chi bộ")).extracting(CountExtractorTest::describe)
                .containsExactly("3|||đồng chí", "7|||chi bộ");
    }
}

package org.vnextract.extract.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vnextract.extract.Mention;
import org.vnextract.pipeline.Analysis;
import org.vnextract.text.AnalyzedText;

/**
 * Runs the positive and negative date corpora of {@code src/test/resources/dates/} (each row with
 * its fixed reference date) and checks the shape of what is found.
 */
class DateExtractorTest {
    private static final DateExtractor DATES = new DateExtractor(ArticleTexts.MODELS);

    static Stream<Arguments> positive() throws Exception {
        return ArticleTexts.rows("dates/positive.tsv").stream().map(r -> Arguments.of(r[0], r[1], r[2]));
    }

    static Stream<Arguments> negative() throws Exception {
        return ArticleTexts.rows("dates/negative.tsv").stream().map(r -> Arguments.of(r[0], r[1]));
    }

    static Stream<Arguments> periods() throws Exception {
        return ArticleTexts.rows("dates/periods.tsv").stream().map(r -> Arguments.of(r[0], r[1]));
    }

    private static List<DateMention> dates(String published, String text) {
        Analysis a = DATES.process(ArticleTexts.analyze(ArticleTexts.published(published), text));
        return a.get(DateMention.KEY);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("positive")
    void findsTheDates(String published, String text, String expected) {
        List<String> values = dates(published, text).stream().map(DateMention::value).toList();
        assertThat(values).containsExactlyInAnyOrder(expected.split(" "));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("negative")
    void findsNoDate(String published, String text) {
        assertThat(dates(published, text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("periods")
    void findsThePeriods(String text, String expected) {
        Analysis a = DATES.process(ArticleTexts.analyze(null, text));
        List<String> found = new ArrayList<>();
        for (Period p : a.get(Period.KEY)) {
            found.add((p.kind() == null ? "-" : p.kind()) + "|" + p.start() + "|" + p.end());
        }
        assertThat(found).containsExactlyElementsOf(Arrays.asList(expected.split(";")));
        assertThat(a.get(DateMention.KEY)).as("a period is not a date").isEmpty();
    }

    @Test
    void oneEntryPerValueWithEveryMentionAndItsText() {
        String text = "Ngày 28-6-2021, Tỉnh ủy ban hành Nghị quyết. Nghị quyết ngày 28/6/2021 có hiệu lực.";
        Analysis a = DATES.process(ArticleTexts.analyze(null, text));
        List<DateMention> ds = a.get(DateMention.KEY);
        assertThat(ds).hasSize(1);
        DateMention d = ds.get(0);
        assertThat(d.granularity()).isEqualTo("day");
        assertThat(d.text()).isEqualTo("28-6-2021");
        assertThat(d.mentions()).extracting(Mention::text).containsExactly("Ngày 28-6-2021", "ngày 28/6/2021");
        String t = a.get(AnalyzedText.KEY).text();
        for (Mention m : d.mentions()) {
            assertThat(t.substring(m.start(), m.end())).isEqualTo(m.text());
        }
    }

    @Test
    void monthsHaveMonthGranularity() {
        List<DateMention> ds = dates(null, "Bản tin tháng 7-2023 của Ban Tuyên giáo.");
        assertThat(ds).extracting(DateMention::granularity).containsExactly("month");
        assertThat(ds).extracting(DateMention::text).containsExactly("7-2023");
    }

    @Test
    void publishedDateOnlyInfersYearsItIsNotADate() {
        assertThat(dates("2015-09-25T20:20:00+07:00", "Đại hội thành công tốt đẹp.")).isEmpty();
        // a year written in the sentence does not override the publication date
        assertThat(dates("2015-09-25", "Chiều 25/9, kết quả năm 2010 được công bố."))
                .extracting(DateMention::value).containsExactly("2015-09-25");
    }

    @Test
    void publishedFormsAreRead() {
        assertThat(DateExtractor.parsePublished("2015-09-25T20:20:00+07:00")).hasToString("2015-09-25");
        assertThat(DateExtractor.parsePublished("2023-11-05")).hasToString("2023-11-05");
        assertThat(DateExtractor.parsePublished("2025-04")).hasToString("2025-04-15");
        assertThat(DateExtractor.parsePublished("hôm qua")).isNull();
        assertThat(DateExtractor.parsePublished(null)).isNull();
    }

    @Test
    void declaresWhatItProvides() {
        assertThat(DATES.provides()).containsExactlyInAnyOrder(DateMention.KEY, Period.KEY);
        assertThat(DATES.requires()).contains(AnalyzedText.KEY);
    }
}

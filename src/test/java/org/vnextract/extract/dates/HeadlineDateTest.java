package org.vnextract.extract.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A day-month beside a colon in the headline is a date with no cue word ("Sabeco: 16/2 tổ chức
 * ĐHCĐ"); a bare day-month-shaped ratio or score elsewhere is not. The corpora's rows are one
 * paragraph each, so these need their own article shapes (headline, then body).
 */
class HeadlineDateTest {
    private static final DateExtractor DATES = new DateExtractor(ArticleTexts.MODELS);

    private static List<String> dates(String... paragraphs) {
        return DATES.process(ArticleTexts.analyze(null, paragraphs)).get(DateMention.KEY).stream()
                .map(DateMention::value).toList();
    }

    @Test
    void aDayMonthBesideTheHeadlinesColonIsADate() {
        assertThat(dates("Sabeco: 16/2 tổ chức ĐHCĐ bất thường", "Tổng công ty sẽ họp cổ đông.")).containsExactly("XXXX-02-16");
        assertThat(dates("Điểm tin 6/2: Đề xuất phương án xử lý dự án", "Nội dung chính trong ngày.")).containsExactly("XXXX-02-06");
    }

    @Test
    void ratiosAndScoresStayOut() {
        // no colon beside it: a score
        assertThat(dates("Tiền vệ chỉ được chấm điểm 2/10 trong trận thua", "Đội bóng gặp khó.")).isEmpty();
        // beside a colon but not in the headline
        assertThat(dates("Kết quả kiểm tra chi bộ", "Hà Nội: 3/5 chi bộ đạt chuẩn.")).isEmpty();
        // a one-line text has no headline to tell apart
        assertThat(dates("Hà Nội: 3/5 chi bộ đạt chuẩn.")).isEmpty();
        // not a day of any month
        assertThat(dates("Tin kinh tế: 11/17", "Nội dung chính trong ngày.")).isEmpty();
    }
}

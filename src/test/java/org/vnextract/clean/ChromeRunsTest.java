package org.vnextract.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vnextract.pipeline.ModelSource;

/**
 * The positive and negative corpus of models/boilerplate/runs.tsv ({@link ChromeRuns}), and the
 * cleaners' use of it: one warning per article saying what was cut, the text the extractors read
 * without the run, in plain text and in HTML.
 */
class ChromeRunsTest {
    private static final ModelSource MODELS = ModelSource.directory(Path.of("models"));
    private static final BoilerplateRules RULES = BoilerplateRules.load(MODELS);
    private static final ChromeRuns RUNS = RULES.chrome();

    static Stream<Arguments> corpus() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/boilerplate/runs.tsv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", 3))
                .map(c -> Arguments.of(c[0], c[1], c[2]));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("corpus")
    void cutsTheRunAndKeepsTheBody(String verdict, String run, String line) {
        ChromeRuns.Result r = RUNS.cut(line);
        if (verdict.equals("keep")) {
            assertThat(r.dropped()).as(line).isEmpty();
            assertThat(r.text()).isEqualTo(line);
            return;
        }
        String whole = TextCleaner.normalizeLine(line);
        String cut = TextCleaner.normalizeLine(run);
        int at = verdict.equals("start") ? whole.indexOf(cut) : whole.lastIndexOf(cut);
        assertThat(at).as("the run is in the line").isGreaterThanOrEqualTo(0);
        String left = TextCleaner.normalizeLine(whole.substring(0, at) + " " + whole.substring(at + cut.length()));
        assertThat(r.dropped()).as(line).singleElement().satisfies(d -> {
            assertThat(d.where()).isEqualTo(verdict.equals("start") ? ChromeRuns.Where.START : ChromeRuns.Where.END);
            assertThat(d.chars()).isEqualTo(cut.codePointCount(0, cut.length()));
        });
        assertThat(TextCleaner.normalizeLine(r.text())).isEqualTo(left);
    }

    @Test
    void plainTextGetsOneWarningAndTheRunLeavesTheText() {
        String body = "Ban Thường vụ Tỉnh ủy họp phiên đầu năm\n"
                + "Sáng 6/2, Ban Thường vụ Tỉnh ủy đã ban hành Kết luận số 21-KL/TW về công tác cán bộ năm 2017."
                + " Phương Nam - Thể thao Việt Nam | 21:00 06/02/2017 Tin liên quan Quyết định 15-QĐ/TU về 120 đảng viên"
                + " Ca chấn thương đầu tiên của U23 Việt Nam\n"
                + "TIN LIÊN QUAN Chỉ thị 05-CT/TW đã qua 5 năm ... Hội nghị 300 đại biểu tại Gia Lai ... "
                + "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, chủ trì hội nghị tổng kết công tác năm.";
        TextCleaner.Result r = new TextCleaner(RULES).clean(body);
        String text = String.join("\n", r.article().paragraphs());
        assertThat(text).contains("Kết luận số 21-KL/TW", "Thể thao Việt Nam | 21:00 06/02/2017", "Đồng chí Nguyễn Văn An")
                .doesNotContain("15-QĐ/TU", "120 đảng viên", "05-CT/TW", "300 đại biểu", "Tin liên quan", "TIN LIÊN QUAN");
        assertThat(r.warnings()).singleElement().asString()
                .startsWith("page chrome cut, other articles' headlines: ")
                .contains("characters at the end of line 2 (\"Tin liên quan Quyết định 15-QĐ/TU",
                        "characters at the start of line 3 (\"TIN LIÊN QUAN Chỉ thị 05-CT/TW");
    }

    @Test
    void aCleanArticleGetsNoWarning() {
        TextCleaner.Result r = new TextCleaner(RULES).clean("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 18\n"
                + "Sáng 6/2, Tỉnh ủy tổ chức hội nghị. Tin liên quan đến công tác cán bộ được thông tin tại hội nghị.");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void htmlParagraphsCarryTheSameRunsAfterJsoup() {
        // a paragraph whose own text outweighs its links keeps the links' text after jsoup
        String html = "<html><head><title>Tỉnh ủy họp</title></head><body><article>"
                + "<p>Sáng 6/2, Ban Thường vụ Tỉnh ủy đã ban hành Kết luận số 21-KL/TW về công tác cán bộ năm 2017, "
                + "với sự tham dự của các đồng chí trong Ban Chấp hành Đảng bộ tỉnh và lãnh đạo các sở, ngành./. "
                + "<b>Tin liên quan</b> <a href=\"/a\">Quyết định 15-QĐ/TU về 120 đảng viên</a></p>"
                + "<p>Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, chủ trì hội nghị tổng kết công tác năm.</p>"
                + "</article></body></html>";
        TextCleaner.Result r = new HtmlCleaner(MODELS, RULES, 512).clean(html, "https://example.vn/a");
        String text = String.join("\n", r.article().paragraphs());
        assertThat(text).contains("Kết luận số 21-KL/TW", "Đồng chí Nguyễn Văn An").doesNotContain("15-QĐ/TU", "Tin liên quan");
        assertThat(r.warnings()).singleElement().asString().contains("at the end of paragraph 1 (\"Tin liên quan Quyết định");
    }

    @Test
    void aOneLineBodyIsNeverEmptied() {
        for (String line : List.of("Tin liên quan Ban Bí thư kỷ luật nguyên Bí thư Tỉnh ủy",
                "TIN LIÊN QUAN Ban Bí thư kỷ luật nguyên Bí thư Tỉnh ủy Quảng Nam ... Ban Bí thư kỷ luật hai đảng viên",
                "Ban Bí thư kỷ luật hai đảng viên. Xem thêm:")) {
            TextCleaner.Result r = new TextCleaner(RULES).clean(line);
            assertThat(r.warnings()).as(line).isEmpty();
        }
    }
}

package org.vnextract.clean;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnextract.pipeline.ModelSource;

/** Cleaning removes each boilerplate class and keeps the body (RECORD.md "Boilerplate"). */
class CleanerTest {
    private static final ModelSource MODELS = ModelSource.directory(Path.of("models"));
    private static final BoilerplateRules RULES = BoilerplateRules.load(MODELS);
    private static final TextCleaner TEXT = new TextCleaner(RULES);
    private static final HtmlCleaner HTML = new HtmlCleaner(MODELS, RULES, 512);

    private static String all(Article a) {
        List<String> parts = new ArrayList<>();
        parts.add(String.valueOf(a.title()));
        parts.add(String.valueOf(a.lead()));
        parts.addAll(a.paragraphs());
        return String.join("\n", parts);
    }

    @Test
    void lineNormalisationCollapsesSpacesAndStripsBullets() {
        // zero-width spaces and byte-order marks separate words here; a figure space is left to the text stage
        assertThat(TextCleaner.normalizeLine(" • Kết\u00A0 luận\u200Bsố\uFEFF21\u2007KL ")).isEqualTo("Kết luận số 21\u2007KL");
        assertThat(TextCleaner.normalizeLine("\u00A0 \t")).isEmpty();
        assertThat(TextCleaner.normalizeLine("► ▪ Đảng viên")).isEqualTo("Đảng viên");
    }

    @Test
    void plainTextBoilerplateClasses() throws Exception {
        Article a = TEXT.clean(Files.readString(Path.of("corpus/written/w001_boilerplate.txt"), StandardCharsets.UTF_8)).article();
        String text = all(a);
        assertThat(a.section()).isEqualTo("Chính trị");
        assertThat(a.title()).isEqualTo("Huyện ủy Đak Pơ sơ kết 6 tháng đầu năm 2024");
        assertThat(a.published()).isEqualTo("2024-07-04T16:21:00+07:00");
        assertThat(a.authors()).containsExactly("Minh Châu");
        assertThat(text).doesNotContain("Google News", "0:00", "miền Bắc", "Ảnh:", "Lượt xem", "Có thể bạn quan tâm",
                "Chư Sê", "120 đảng viên", "Thứ Năm");
        assertThat(text).contains("Đồng chí Nguyễn Văn An-Bí thư Huyện ủy chủ trì hội nghị.",
                "Bí thư Huyện ủy Nguyễn Văn An phát biểu tại hội nghị.", "Kế hoạch số 125-KH/HU");
        // the duplicated caption appears once
        assertThat(text.split("phát biểu tại hội nghị", -1)).hasSize(2);
    }

    @Test
    void dateLineForms() {
        assertThat(DateLines.parse("05/11/2023 13:45").iso()).isEqualTo("2023-11-05T13:45:00+07:00");
        assertThat(DateLines.parse("Thứ Năm, 15/10/2020, 16:21 (GMT+7)").iso()).isEqualTo("2020-10-15T16:21:00+07:00");
        assertThat(DateLines.parse("Cập nhật lúc 22:38, Thứ Hai, 08/10/2018 (GMT+7)").iso()).isEqualTo("2018-10-08T22:38:00+07:00");
        assertThat(DateLines.parse("Thứ tư, 08 Tháng 9 2021 15:09").iso()).isEqualTo("2021-09-08T15:09:00+07:00");
        assertThat(DateLines.parse("Đăng ngày 15-05-2022 10:48").iso()).isEqualTo("2022-05-15T10:48:00+07:00");
        assertThat(DateLines.parse("Tổ phóng viên| 25/09/2015 20:20").iso()).isEqualTo("2015-09-25T20:20:00+07:00");
        assertThat(DateLines.parse("Thứ Tư, 08/04/2015, 08:11 [GMT+7]").iso()).isEqualTo("2015-04-08T08:11:00+07:00");
        assertThat(DateLines.parse("11:13 | 20/05/2016").iso()).isEqualTo("2016-05-20T11:13:00+07:00");
        // sentences that contain a date are not date lines; nor are impossible dates
        assertThat(DateLines.parse("Ngày 28-6-2021, Ban Chấp hành Đảng bộ tỉnh ban hành Nghị quyết số 02-NQ/TU.")).isNull();
        assertThat(DateLines.parse("31/02/2021 10:00")).isNull();
    }

    @Test
    void headerDateOfTheGoldFormat() {
        Article a = TEXT.clean("date 2025-10-15 Như tin đã đưa, sáng 15/10, Đại hội đã bầu Ban Chấp hành.\n\nĐoạn hai của bài.").article();
        assertThat(a.published()).isEqualTo("2025-10-15");
        assertThat(a.paragraphs().get(0)).startsWith("Như tin đã đưa");
    }

    @Test
    void htmlPageKeepsOnlyTitleLeadAndBody() throws Exception {
        TextCleaner.Result r = HTML.clean(Files.readString(Path.of("corpus/written/w002_page.html"), StandardCharsets.UTF_8),
                "https://www.baomau.vn/a.html");
        Article a = r.article();
        String text = all(a);
        assertThat(a.title()).isEqualTo("Tỉnh ủy tổng kết 5 năm thực hiện Nghị quyết số 05-NQ/TU");
        assertThat(a.lead()).startsWith("Chiều 3-11, Ban Thường vụ Tỉnh ủy");
        assertThat(a.published()).isEqualTo("2023-11-05T13:45:00+07:00");
        assertThat(a.section()).isEqualTo("Xây dựng Đảng");
        assertThat(a.site()).isEqualTo("baomau.vn");
        assertThat(a.authors()).containsExactly("Trần Thị Hoa");
        assertThat(text).contains("Đồng chí Phạm Minh Đức, Phó Bí thư Thường trực Tỉnh ủy, chủ trì hội nghị.",
                "Kết luận số 21-KL/TW");
        assertThat(text).doesNotContain("Nguyễn Văn Giả", "color:red", "Lê Văn Nhiễu", "Trang chủ", "Chia sẻ", "Quang Tấn",
                "Từ khóa", "99-KH/HU", "Hồ Văn Khác", "Họ và tên", "Lượt xem", "Bản quyền");
    }

    @Test
    void realVnExpressPageMatchesFundusExpectation() throws Exception {
        Path pages = Path.of("src/test/resources/html");
        JsonNode exp = new ObjectMapper().readTree(pages.resolve("vnexpress_4954454_fundus.expected.json").toFile()).get("V1");
        Article a = HTML.clean(Files.readString(pages.resolve("vnexpress_4954454_fundus.html"), StandardCharsets.UTF_8),
                "https://vnexpress.net/dau-bung-keo-dai-phat-hien-ung-thu-lymphoma-ruot-non-4954454.html").article();
        assertThat(a.title()).isEqualTo(exp.get("title").asText());
        assertThat(a.authors()).contains(exp.get("authors").get(0).asText());
        assertThat(a.lead()).isEqualTo(exp.get("body").get("summary").get(0).asText());
        assertThat(a.published()).startsWith("2025-10-22");
        List<String> expected = new ArrayList<>();
        // fundus keeps a caption's photo credit; RECORD.md counts the credit as boilerplate
        exp.get("body").get("sections").forEach(s -> s.get("paragraphs").forEach(
                p -> expected.add(p.asText().replaceFirst("\\s*Ảnh: [^.]*$", ""))));
        assertThat(a.paragraphs()).containsAll(expected);
        // nothing but the body: at most the image caption beyond the expected paragraphs
        assertThat(a.paragraphs().size()).isLessThanOrEqualTo(expected.size() + 1);
    }

    @Test
    void otherVnExpressPageHasItsDate() throws Exception {
        Path page = Path.of("src/test/resources/html/vnexpress_4672302_htmldate.html");
        Article a = HTML.clean(Files.readString(page, StandardCharsets.UTF_8), null).article();
        assertThat(a.published()).startsWith("2023-11-02");
        assertThat(a.paragraphs()).isNotEmpty();
    }

    @Test
    void aReproducedDocumentKeepsThePlaceAndDateLineUnderItsNumber() {
        Article a = TEXT.clean("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 594/KH-UBND\nNghệ An, ngày 21 tháng 10 năm 2021\n"
                + "KẾ HOẠCH\nThực hiện Chỉ thị số 19/CT-TTg của Thủ tướng Chính phủ.").article();
        assertThat(a.published()).isEqualTo("2021-10-21");
        assertThat(a.paragraphs()).contains("Nghệ An, ngày 21 tháng 10 năm 2021");
        // the article's own date line (no number header above it) is metadata, not text
        Article b = TEXT.clean("Tỉnh ủy tổng kết năm 2021\n05/11/2021 13:45\nNgày 4-11, Tỉnh ủy tổ chức hội nghị tổng kết.").article();
        assertThat(b.published()).startsWith("2021-11-05");
        assertThat(b.paragraphs()).noneMatch(p -> p.contains("13:45"));
    }

    @Test
    void aDocumentsPlaceAndDateLineAboveItsNumberWithoutColonIsKeptToo() {
        // Nghị định 30/2020/NĐ-CP puts the place and date beside the number; pages copy the header in either order
        Article a = TEXT.clean("BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TỔ CHỨC\n* Hà Nội, ngày 30 tháng 10 năm 2020\n"
                + "Số 33-HD/BTCTW\nHƯỚNG DẪN\nThực hiện Quy định số 213-QĐ/TW của Bộ Chính trị.").article();
        assertThat(a.paragraphs()).anyMatch(p -> p.contains("ngày 30 tháng 10 năm 2020"));
        // a news date line in the same formal wording but with no number line near is the page's own
        Article b = TEXT.clean("Tỉnh ủy tổng kết năm 2021\nHà Nội, ngày 30 tháng 10 năm 2020\n"
                + "Số liệu cho thấy 45 chi bộ đạt chuẩn.\nNgày 4-11, Tỉnh ủy tổ chức hội nghị.").article();
        assertThat(b.published()).isEqualTo("2020-10-30");
        assertThat(b.paragraphs()).noneMatch(p -> p.contains("tháng 10 năm 2020"));
    }

    @Test
    void aDocumentsPlaceAndDateLineUnderTheStatesNameAndMottoIsKept() {
        // "Số: …", then the state's name and motto, then the place and date: three lines under the number
        Article a = TEXT.clean("TRƯỜNG THCS LỤC HỒN\nSố: 138 /TT-THCSLH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                + "Độc lập-Tự do-Hạnh phúc\nBình Liêu, Ngày 26 tháng 9 năm 2019\nTỜ TRÌNH\nCăn cứ Kế hoạch của nhà trường.").article();
        assertThat(a.paragraphs()).anyMatch(p -> p.contains("Ngày 26 tháng 9 năm 2019"));
        // four lines under a number is too far: the line is the page's own date
        Article b = TEXT.clean("Tin hoạt động\nSố 12/2020 của bản tin\nTin vắn\nHoạt động\nTin ảnh\nHà Nội, ngày 26 tháng 9 năm 2019\n"
                + "Ngày 25-9, Tỉnh ủy tổ chức hội nghị tổng kết.").article();
        assertThat(b.paragraphs()).noneMatch(p -> p.contains("26 tháng 9 năm 2019"));
    }
}

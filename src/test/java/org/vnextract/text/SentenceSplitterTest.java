package org.vnextract.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vnextract.pipeline.ModelSource;

class SentenceSplitterTest {
    private static final TextStage STAGE = new TextStage(ModelSource.directory(Path.of("models")), 1_000_000, 500);

    private static List<String> sentences(String paragraph) {
        AnalyzedText t = STAGE.analyze(List.of(paragraph), false, new ArrayList<>());
        return t.sentences().stream().map(t::text).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Đoàn công tác đến TP. Hồ Chí Minh. Sau đó về Hà Nội.|2",
            "PGS.TS. Nguyễn Văn A phát biểu. Hội nghị kết thúc.|2",
            "Các nội dung gồm kinh tế, xã hội v.v. đều được bàn.|1",
            "Đảng bộ có 4.595 đảng viên. Tỷ lệ đạt 5,8%.|2",
            "Thực hiện Kết luận số 21-KL/TW. Nghị định 100/2019/NĐ-CP được áp dụng.|2",
            "Ngày 28-6-2021. Ban hành kế hoạch.|2",
            "Ông Nguyễn V. Bình dự họp. Buổi họp kết thúc.|2",
            "Hội nghị thành công! Đại biểu ra về? Có.|3",
            "Ông nói: “Phải làm ngay.” Sau đó ông rời đi.|2",
    })
    void splitsWhereASentenceEnds(String paragraph, int expected) {
        List<String> s = sentences(paragraph);
        assertThat(s).as(s.toString()).hasSize(expected);
        assertThat(String.join(" ", s)).isEqualTo(paragraph);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Kết luận số 21-KL/TW ngày 25/10/2021|21-KL/TW|SYMBOL",
            "theo Kế hoạch 03- CT/HU của huyện|03- CT/HU|SYMBOL",
            "Nghị định 100/2019/NĐ-CP quy định|100/2019/NĐ-CP|SYMBOL",
            "Nghị quyết 20/NQ-HĐND của tỉnh|20/NQ-HĐND|SYMBOL",
            "có 4.595 đảng viên|4.595|NUMBER",
            "đạt 5,8 tỷ đồng|5,8|NUMBER",
            "224/274 chi bộ|224/274|NUMBER",
            "đạt 100% kế hoạch|100%|NUMBER",
            "ngày 28-6-2021 tại|28-6-2021|DATE",
            "chiều 29/6 tại|29/6|DATE",
            "Châu Ngọc Tuấn-Phó Bí thư|Tuấn|WORD",
            "UBND tỉnh|UBND|ABBREVIATION",
            "liên hệ banbientap@baogialai.com.vn để|banbientap@baogialai.com.vn|LINK",
            "xem https://baogialai.com.vn/a-b.html.|https://baogialai.com.vn/a-b.html|LINK",
    })
    void keepsDomainTokensWhole(String text, String token, TokenKind kind) {
        AnalyzedText t = STAGE.analyze(List.of(text), false, new ArrayList<>());
        assertThat(t.tokens()).anySatisfy(tok -> {
            assertThat(t.text(tok)).isEqualTo(token);
            assertThat(tok.kind()).isEqualTo(kind);
        });
    }
}

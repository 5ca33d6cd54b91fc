package org.vnextract.hardening;

import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.vnextract.clean.BoilerplateRules;
import org.vnextract.clean.ChromeRuns;
import org.vnextract.clean.TextCleaner;
import org.vnextract.pipeline.ModelSource;

/**
 * {@link ChromeRuns} (issue 15) in linear time on lines built from its own cues: markers, labels,
 * truncation marks, runs of spaces, teaser cues and full stops, each repeated to fill a 1 MB line,
 * against 20 × 50 KB ({@link LinearTime}).
 */
class ChromeRunsLinearTimeTest {
    private static final BoilerplateRules RULES = BoilerplateRules.load(ModelSource.bundled());

    private static IntFunction<String> repeat(String head, String piece) {
        return n -> {
            StringBuilder sb = new StringBuilder(n + 64).append(head);
            while (sb.length() < n) {
                sb.append(piece);
            }
            return sb.toString();
        };
    }

    @Test
    void cuesRepeatedOverAWholeLine() {
        ChromeRuns runs = RULES.chrome();
        String body = "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, chủ trì hội nghị tổng kết công tác năm 2023. ";
        String[][] shapes = {
            {body, ">> A "},
            {body, ">>>> Tin "},
            {body, "Tin liên quan "},
            {body, "Xem thêm: >> "},
            {"TIN LIÊN QUAN ", "Ban Thường vụ ... "},
            {">> ", "Ban  >> Tỉnh   "},
            {">>Kì trước: ", ":  "},
            {body, "Bấm xem >> "},
            {body, "tin. ''''''''"},
            {"", "A. B "},
            {"TIN LIÊN QUAN ", "…… "},
        };
        for (String[] s : shapes) {
            LinearTime.assertLinear("chrome runs (" + s[1].strip() + ")", repeat(s[0], s[1]), runs::cut);
        }
        TextCleaner cleaner = new TextCleaner(RULES);
        LinearTime.assertLinear("clean (text with runs)", repeat(body, "Tin liên quan Ban Thường vụ ... >> Tỉnh ủy  "),
                cleaner::clean);
        LinearTime.assertLinear("chrome runs (hostile text)", HostileText::line, runs::cut);
    }
}

package org.vnextract.extract.officials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.segment.SegmentStage;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.TextStage;

/**
 * The officials rules stay linear on hostile text: 1 MB of "đồng chí đồng chí …", runs of
 * capitals, endless title chains joined by "và" and hyphens, list clauses with predicates, and
 * thousands of distinct names. Measured against a linear baseline in the same run (the text stage
 * over the same input), and against an eighth of the input: a quadratic step would show as a
 * 64-fold, not eight-fold, growth (the bound, 32, leaves room for caches and a loaded machine). Thread CPU time, least of five runs each, so that a loaded
 * machine does not decide.
 */
class OfficialLinearTimeTest {
    static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khoa", "Lâm", "Minh", "Nam",
            "Phong", "Quang", "Sơn", "Tâm", "Uyên", "Vinh", "Xuân", "Yến", "Hùng", "Tuấn", "Hà", "Lan", "Mai", "Thủy"};

    static String hostile(int chars) {
        StringBuilder sb = new StringBuilder(chars + 200);
        int i = 0;
        while (sb.length() < chars) {
            switch (i % 6) {
                case 0 -> sb.append("đồng chí ".repeat(40)).append('\n');
                case 1 -> {
                    for (int k = 0; k < 40; k++) {
                        sb.append("Nguyễn ").append(GIVEN[(i + k) % GIVEN.length]).append(' ')
                                .append(GIVEN[(i / 7 + k * 3) % GIVEN.length]).append(' ');
                    }
                    sb.append('\n');
                }
                case 2 -> sb.append("Bí thư Tỉnh ủy và Phó Bí thư - Chủ tịch HĐND tỉnh Hà Nam và ".repeat(20)).append('\n');
                case 3 -> {
                    sb.append("Các đồng chí: ");
                    for (int k = 0; k < 30; k++) {
                        sb.append("Trần ").append(GIVEN[(i + k) % GIVEN.length]).append(" ")
                                .append(GIVEN[(k * 5 + i) % GIVEN.length]).append(", Ủy viên Ban Thường vụ; ");
                    }
                    sb.append("giữ chức Bí thư là Bí thư làm Bí thư và Phó Bí thư.\n");
                }
                case 4 -> sb.append("ông là Bí thư, ".repeat(40)).append("Ba Phó Bí thư gồm ông Tuấn, ông Hà, ông Lan.\n");
                default -> sb.append("HĐND UBND MTTQ BCH BTV ".repeat(30)).append("Đ/c ĐẢNG ỦY KHỐI CƠ QUAN ".repeat(10)).append('\n');
            }
            i++;
        }
        return sb.substring(0, chars);
    }

    /** The least CPU time of this thread over five runs: other processes on the machine do not count. */
    static long best(Runnable r) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int k = 0; k < 5; k++) {
            long t0 = mx.getCurrentThreadCpuTime();
            r.run();
            best = Math.min(best, mx.getCurrentThreadCpuTime() - t0);
        }
        return best;
    }

    @Test
    void officialsAreLinearOnHostileText() {
        ModelSource models = ModelSource.directory(java.nio.file.Path.of("models"));
        OfficialExtractor ex = new OfficialExtractor(models, OfficialRules.NameSource.RULES);
        TextStage text = new TextStage(models, 2_000_000, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
        String big = hostile(1 << 20);
        String small = big.substring(0, 1 << 17);
        List<String> bigParas = List.of(big.split("\n"));
        List<String> smallParas = List.of(small.split("\n"));
        AnalyzedText bigText = text.analyze(bigParas, false, new ArrayList<>());
        AnalyzedText smallText = text.analyze(smallParas, false, new ArrayList<>());
        SegmentStage segment = SegmentStage.standard(models);
        Analysis bigIn = Analysis.of(AnalyzedText.KEY, bigText).with(Words.KEY, segment.segment(bigText));
        Analysis smallIn = Analysis.of(AnalyzedText.KEY, smallText).with(Words.KEY, segment.segment(smallText));

        long baseline = best(() -> text.analyze(bigParas, false, new ArrayList<>()));
        long[] found = new long[1];
        long onBig = best(() -> found[0] = ex.process(bigIn).get(Official.KEY).size());
        long onSmall = best(() -> ex.process(smallIn));

        System.out.printf("officials linear-time: text stage 1 MB %.0f ms, officials 128 KB %.0f ms, 1 MB %.0f ms (growth %.2f, vs baseline %.2f)%n",
                baseline / 1e6, onSmall / 1e6, onBig / 1e6, (double) onBig / onSmall, (double) onBig / baseline);
        assertThat(found[0]).as("the hostile text does name officials").isPositive();
        assertThat((double) onBig / onSmall).as("growth from 128 KB to 1 MB (linear: 8, quadratic: 64)").isLessThan(32.0);
        assertThat((double) onBig / baseline).as("officials vs the text stage on 1 MB").isLessThan(60.0);
    }
}

package org.vnextract.extract.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Fold;
import org.vnextract.text.Sentence;
import org.vnextract.text.Span;
import org.vnextract.text.Token;
import org.vnextract.text.TokenKind;

/**
 * The extractor runs in time linear in the text on hostile input: on 1 MB of each pattern it
 * takes no more than a fixed multiple of a linear baseline measured in the same run (folding
 * every token once, the least any token-reading extractor does), and 1 MB costs no more than a
 * fixed multiple of 256 KB. Quadratic behaviour would cost thousands of times the baseline.
 */
class DocumentLinearTimeTest {
    private static final int SIZE = 1_000_000;
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor(ModelSource.bundled());
    /**
     * Generous: the extractor reads each token a bounded number of times, the baseline once. The
     * quiet machine gives ×10–30; under load (other builds sharing the cores' caches) one pattern
     * once reached ×42.7, so the bound leaves room for that. Quadratic behaviour on 1 MB is
     * thousands of times the baseline, and the growth bound below catches it independently.
     */
    private static final double MAX_TIMES_BASELINE = 80;
    /** 4× the text; linear gives about 4, quadratic 16. */
    private static final double MAX_GROWTH = 12;

    record Hostile(String name, IntFunction<String> text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Hostile> hostile() {
        return List.of(
                new Hostile("1-1-1-1…", n -> repeat("1-", n)),
                new Hostile("1-1 1-1 … with spaces", n -> repeat("1- 1 -", n)),
                new Hostile("số số số…", n -> repeat("số ", n)),
                new Hostile("Nghị quyết số 1 …", n -> repeat("Nghị quyết số 1 ", n)),
                new Hostile("Kết luận số 1 của Ban Thường vụ Tỉnh ủy …", n -> repeat("Kết luận số 1 của Ban Thường vụ Tỉnh ủy ", n)),
                new Hostile("Nghị quyết số 1, 2, 3, … (lists)", n -> repeat("Nghị quyết số 1, 2, 3, 4, 5, ", n)),
                new Hostile("capitals and slashes", n -> repeat("AB/CD-EF/GH/", n)),
                new Hostile("digits, capitals and slashes", n -> repeat("1/AB-1/CD/1-EF/", n)),
                new Hostile("long run of capitals", n -> "1-" + repeat("A", n)),
                new Hostile("symbols with distinct issuers, then short forms", DocumentLinearTimeTest::distinctIssuers),
                new Hostile("về “về “về …", n -> "Kết luận số 21-KL/TW " + repeat("về “", n)),
                new Hostile("của Ban của Ban …", n -> "Kế hoạch số 5 " + repeat("của Ban ", n)),
                new Hostile("Ngày 1-1-2020, … đã ban hành …", n -> repeat("Ngày 1-1-2020, Tỉnh ủy đã ban hành Kế hoạch số 1, ", n)),
                new Hostile("ngày ngày ngày …", n -> "Kết luận số 21-KL/TW " + repeat("ngày ", n)),
                new Hostile("line breaks after separators", n -> repeat("21-\nKL/\n", n)),
                new Hostile("fused codes (lost hyphens)", n -> repeat("số 61/2018/NĐCP 1-NQTW 30c/QĐUBND 2/CT-TW ", n)));
    }

    private static String repeat(String unit, int n) {
        StringBuilder b = new StringBuilder(n + unit.length());
        while (b.length() < n) {
            b.append(unit);
        }
        return b.substring(0, n);
    }

    private static String distinctIssuers(int n) {
        StringBuilder b = new StringBuilder(n + 64);
        int i = 0;
        while (b.length() < n / 2) {
            b.append("1-KL/A").append(Integer.toString(i++, 26).toUpperCase().replaceAll("[0-9]", "Z")).append(' ');
        }
        while (b.length() < n) {
            b.append("Kết luận số 1 ");
        }
        return b.substring(0, n);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void runsInLinearTime(Hostile h) {
        AnalyzedText big = analyzed(h.text.apply(SIZE));
        AnalyzedText quarter = analyzed(h.text.apply(SIZE / 4));
        // warm up both code paths, then take the best of five of each measurement; a measurement that
        // fails is taken again (up to three times in all): the JIT now and then leaves one code path
        // slow for a whole measurement (×16 "growth" once, ×4 on the next run of the same build), while
        // real quadratic behaviour fails every time
        baseline(quarter);
        extract(quarter);
        double timesBaseline = 0;
        double growth = 0;
        long full = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            long base = best(() -> baseline(big));
            full = best(() -> extract(big));
            long small = best(() -> extract(quarter));
            timesBaseline = (double) full / Math.max(base, 1);
            growth = (double) full / Math.max(small, 1);
            System.out.printf("documents linear-time [%s]: 1 MB %.1f ms, baseline %.1f ms (×%.1f), 256 KB %.1f ms (growth ×%.1f)%n",
                    h.name, full / 1e6, base / 1e6, timesBaseline, small / 1e6, growth);
            if (full <= 50_000_000L || timesBaseline < MAX_TIMES_BASELINE && growth < MAX_GROWTH) {
                break;
            }
        }
        // small times are noise: a pattern taking under 50 ms of CPU on 1 MB passes either way
        if (full > 50_000_000L) {
            assertThat(timesBaseline).as("time on 1 MB / linear baseline").isLessThan(MAX_TIMES_BASELINE);
            assertThat(growth).as("time on 1 MB / time on 256 KB").isLessThan(MAX_GROWTH);
        }
    }

    /**
     * The text with tokens from {@link #tokens}, a plain linear tokenizer: this test measures the
     * extractor, not the text stage (whose tokenizer has its own linear-time tests).
     */
    private static AnalyzedText analyzed(String text) {
        List<Token> tokens = tokens(text);
        return new AnalyzedText(text, List.of(new Span(0, text.length())),
                List.of(new Sentence(0, text.length(), 0, tokens.size())), tokens, 0);
    }

    /** Digit runs with inner separators (NUMBER), letter runs (WORD), any other character (PUNCT). */
    static List<Token> tokens(String t) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = t.length();
        while (i < n) {
            char c = t.charAt(i);
            int j = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (Character.isDigit(c)) {
                while (j < n && (Character.isDigit(t.charAt(j))
                        || ("-/.,".indexOf(t.charAt(j)) >= 0 && j + 1 < n && Character.isDigit(t.charAt(j + 1))))) {
                    j++;
                }
                out.add(new Token(i, j, TokenKind.NUMBER));
            } else if (Character.isLetter(c)) {
                while (j < n && Character.isLetter(t.charAt(j))) {
                    j++;
                }
                out.add(new Token(i, j, TokenKind.WORD));
            } else {
                out.add(new Token(i, j, TokenKind.PUNCT));
            }
            i = j;
        }
        return out;
    }

    /**
     * The least CPU time of this thread over five runs: CPU time rather than wall time, so that
     * other processes on a busy build machine do not count.
     */
    private static long best(Runnable r) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = mx.getCurrentThreadCpuTime();
            r.run();
            best = Math.min(best, mx.getCurrentThreadCpuTime() - t0);
        }
        return best;
    }

    private int sink; // keeps the measured work from being optimised away

    /** A linear pass: every token's text folded once. */
    private void baseline(AnalyzedText t) {
        int h = 0;
        for (Token k : t.tokens()) {
            h += Fold.fold(t.text().substring(k.start(), k.end())).length();
        }
        sink += h;
    }

    private void extract(AnalyzedText t) {
        sink += EXTRACTOR.extract(t, null).size();
    }
}

package org.vnextract.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.vnextract.cli.Main;
import picocli.CommandLine;

/** The bench command runs end to end and prints every figure it promises (no speed is asserted). */
class BenchCommandTest {
    @Test
    void printsRatesHeapAndAShareForEveryStage() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("bench", "--corpus", "corpus/heldout", "--articles", "12", "--runs", "2",
                "--warmup", "0", "--threads", "2");
        assertThat(code).as(err.toString()).isZero();
        String o = out.toString();
        assertThat(o).contains("12 articles from corpus/heldout", "run 1:", "run 2:")
                .containsPattern("median: [0-9.]+ articles/s, [0-9]+ words/s \\([1-9][0-9]* words in 12 articles\\), peak heap [0-9]+ MB");
        for (String stage : new String[] {"clean", "text", "documents", "dates", "counts", "record", "json line"}) {
            assertThat(o).containsPattern("\\n  " + stage + " +[0-9.]+%");
        }
    }

    @Test
    void comparesTwoPipelinesInAlternatingPairsAndPrintsTheMedianRatio() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("bench", "--corpus", "corpus/heldout", "--articles", "6", "--pairs", "3",
                "--warmup", "0", "--threads", "1", "--compare-extractors", "documents,dates");
        assertThat(code).as(err.toString()).isZero();
        String o = out.toString();
        assertThat(o).contains("comparing A = all extractors with B = documents,dates: 1 warm-up runs each, then 3 alternating pairs",
                "pair 1 (A first)", "pair 2 (B first)", "pair 3 (A first)")
                .containsPattern("median A/B rate: [0-9.]+ by wall time \\(A -?[0-9.]+% slower than B\\), [0-9.]+ by CPU time");
    }

    @Test
    void timesOneStageAloneAndPrintsTheMedian() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("bench", "--corpus", "corpus/heldout", "--articles", "6", "--runs", "3",
                "--warmup", "1", "--stage", "places");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("stage places alone, one thread, 6 articles: 1 warm-up passes, then 3 timed",
                "pass 1:", "pass 3:").containsPattern("median: [0-9.]+ us per article");
        assertThat(cl.execute("bench", "--corpus", "corpus/heldout", "--articles", "2", "--stage", "placez")).isEqualTo(2);
        assertThat(err.toString()).contains("--stage: no stage 'placez'");
    }

    @Test
    void anUnknownExtractorToCompareIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("bench", "--corpus", "corpus/heldout", "--compare-extractors", "documents,placez")).isEqualTo(2);
        assertThat(err.toString()).contains("--compare-extractors: unknown extractor 'placez'");
    }

    @Test
    void aMissingCorpusIsAnErrorLine() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("bench", "--corpus", "no/such.jsonl")).isEqualTo(1);
        assertThat(err.toString()).contains("vnextract: no/such.jsonl: no such file or directory");
    }
}

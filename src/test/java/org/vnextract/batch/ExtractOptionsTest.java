package org.vnextract.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.cli.Main;
import picocli.CommandLine;

/** The batch options of {@code extract}: --unordered, --resume, --max-seconds-per-article, progress lines. */
class ExtractOptionsTest {
    @TempDir
    Path dir;

    private record Run(int code, String err) {}

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), err.toString());
    }

    @Test
    void unorderedAndResumeGiveTheSameRecordsAsAPlainRun() throws Exception {
        String corpus = "corpus/heldout";
        Path plain = dir.resolve("plain.jsonl");
        Path unordered = dir.resolve("unordered.jsonl");
        Path resumed = dir.resolve("resumed.jsonl");
        assertThat(run("extract", "-q", corpus, "-o", plain.toString()).code()).isZero();
        assertThat(run("extract", "-q", "--unordered", "--threads", "3", corpus, "-o", unordered.toString()).code()).isZero();
        assertThat(run("extract", "-q", "--resume", corpus, "-o", resumed.toString()).code()).isZero();
        List<String> p = Files.readAllLines(plain, StandardCharsets.UTF_8);
        assertThat(Files.readAllLines(unordered, StandardCharsets.UTF_8)).containsExactlyInAnyOrderElementsOf(p);
        assertThat(Files.readAllLines(resumed, StandardCharsets.UTF_8)).isEqualTo(p);
        assertThat(ResumableOutput.journalOf(resumed.toAbsolutePath())).doesNotExist();
    }

    @Test
    void resumeAfterAnInterruptedRunSkipsWhatIsDone() throws Exception {
        String corpus = "corpus/heldout";
        Path out = dir.resolve("out.jsonl").toAbsolutePath();
        Path plain = dir.resolve("plain.jsonl");
        assertThat(run("extract", "-q", corpus, "-o", plain.toString()).code()).isZero();
        List<String> all = Files.readAllLines(plain, StandardCharsets.UTF_8);
        // an earlier run stopped after the first 10 records: its part file and journal, written as extract writes them
        try (ResumableOutput o = ResumableOutput.open(out, keyOf(corpus))) {
            com.fasterxml.jackson.databind.ObjectMapper json = new org.vnextract.record.RecordJson().mapper();
            for (int i = 0; i < 10; i++) {
                o.write(i, json.readValue(all.get(i), org.vnextract.record.ArticleRecord.class));
            }
        }
        Run r = run("extract", "-v", "--resume", corpus, "-o", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("resuming: 10 inputs already done", all.size() - 10 + " records");
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).isEqualTo(all);
    }

    /** The key extract writes into the journal for these inputs with default options. */
    private static String keyOf(String path) throws Exception {
        org.vnextract.cli.ExtractCommand c = new org.vnextract.cli.ExtractCommand();
        new CommandLine(c).parseArgs(path);
        java.lang.reflect.Method m = org.vnextract.cli.ExtractCommand.class.getDeclaredMethod("inputKey");
        m.setAccessible(true);
        return (String) m.invoke(c);
    }

    @Test
    void resumeNeedsAnOutputFile() {
        Run r = run("extract", "--resume", "corpus/heldout");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--resume needs -o FILE");
    }

    @Test
    void aJournalForOtherInputsIsRefused() throws Exception {
        Path out = dir.resolve("o.jsonl").toAbsolutePath();
        try (ResumableOutput o = ResumableOutput.open(out, "something-else")) {
            o.commitUnit();
        }
        Run r = run("extract", "-q", "--resume", "corpus/heldout", "-o", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cannot resume", "other inputs or options");
    }

    @Test
    void plainProgressLinesSayDoneTotalRateAndTimeLeft() {
        StringWriter err = new StringWriter();
        try (Progress p = Progress.start(new PrintWriter(err), false, 3_600_000, 5)) {
            assertThat(p.line()).matches("vnextract: 5 articles, [0-9.]+/s");
            p.step();
            p.step();
            p.total(100);
            assertThat(p.line()).matches("vnextract: 7 of 100 articles \\(7%\\), [0-9.]+/s, about [0-9]+:[0-9]{2}:[0-9]{2} left");
        }
    }
}

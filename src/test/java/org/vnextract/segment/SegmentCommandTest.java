package org.vnextract.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.cli.Main;
import picocli.CommandLine;

/** The {@code segment} and {@code eval-segment} commands, run in-process. */
class SegmentCommandTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void segmentPrintsOneSentencePerLine(@TempDir Path dir) throws IOException {
        Segmenters.load(); // skips without the model files
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "Bí thư Tỉnh ủy Nguyễn Văn An phát biểu. Hội nghị kết thúc.\n");
        String[] r = run("segment", f.toString());
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1].lines()).containsExactly("Bí_thư Tỉnh_ủy Nguyễn_Văn_An phát_biểu .", "Hội_nghị kết_thúc .");
    }

    @Test
    void evalSegmentPrintsScores(@TempDir Path dir) throws IOException {
        Segmenters.load();
        Path conllu = dir.resolve("t.conllu");
        Files.writeString(conllu, "1\tBí thư\t_\t_\t_\t_\t0\troot\t_\t_\n2\tphát biểu\t_\t_\t_\t_\t1\tdep\t_\t_\n\n");
        String[] r = run("eval-segment", conllu.toString());
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("2 gold words").contains("F1 1.0000");
        assertThat(run("eval-segment", dir.resolve("missing.conllu").toString())[0]).isEqualTo("2");
    }
}

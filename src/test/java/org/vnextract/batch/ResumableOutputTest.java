package org.vnextract.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.record.ArticleRecord;

class ResumableOutputTest {
    @TempDir
    Path dir;

    private static ArticleRecord record(String id) {
        return new ArticleRecord(ArticleRecord.SCHEMA, id, new ArticleRecord.Source(null, null, "text"),
                new ArticleRecord.Article(null, null, null, List.of(), null, "x"), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), new ArticleRecord.Provenance("t", java.util.Map.of(), List.of()));
    }

    @Test
    void rangesCompressRunsOfPositions() {
        assertThat(ResumableOutput.ranges(List.of(5L, 1L, 2L, 3L, 9L, 7L, 8L))).isEqualTo("1-3,5,7-9");
        assertThat(ResumableOutput.ranges(List.of())).isEqualTo("-");
    }

    @Test
    void aTornTailAfterTheLastUnitIsCutAndItsPositionsAreNotDone() throws Exception {
        Path out = dir.resolve("out.jsonl");
        ResumableOutput o = ResumableOutput.open(out, "k", 2, 60_000);
        o.write(0, record("a"));
        o.write(1, record("b")); // unit 1 committed here
        o.write(2, record("c")); // buffered, never committed: the "crash"
        // simulate a crash: written bytes past the unit, and a half-written journal line
        java.lang.reflect.Method flush = ResumableOutput.class.getDeclaredMethod("flushBuffer");
        flush.setAccessible(true);
        flush.invoke(o);
        Files.writeString(ResumableOutput.journalOf(out), "u 99999 0 2 *deadbeef\nu 12", StandardOpenOption.APPEND);
        java.lang.reflect.Field lock = ResumableOutput.class.getDeclaredField("lock");
        lock.setAccessible(true);
        ((java.nio.channels.FileLock) lock.get(o)).release();

        ResumableOutput r = ResumableOutput.open(out, "k", 2, 60_000);
        assertThat(r.isDone(0)).isTrue();
        assertThat(r.isDone(1)).isTrue();
        assertThat(r.isDone(2)).isFalse();
        assertThat(r.resumedPositions()).isEqualTo(2);
        r.write(2, record("c"));
        r.rejected(3);
        r.finish();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"id\":\"a\"");
        assertThat(lines.get(2)).contains("\"id\":\"c\"");
        assertThat(ResumableOutput.journalOf(out)).doesNotExist();
        assertThat(ResumableOutput.partOf(out)).doesNotExist();
    }

    @Test
    void refusesToResumeWithOtherInputs() throws Exception {
        Path out = dir.resolve("o.jsonl");
        try (ResumableOutput o = ResumableOutput.open(out, "inputs-1")) {
            o.write(0, record("a"));
        }
        assertThatThrownBy(() -> ResumableOutput.open(out, "inputs-2"))
                .isInstanceOf(ResumableOutput.ResumeMismatch.class).hasMessageContaining("other inputs");
        try (ResumableOutput o = ResumableOutput.open(out, "inputs-1")) {
            assertThat(o.isDone(0)).isTrue(); // close() committed the last unit
            assertThat(o.resumedPositions()).isEqualTo(1);
        }
    }

    @Test
    void aSecondRunOnTheSameOutputIsRefusedWhileTheFirstHoldsIt() throws Exception {
        Path out = dir.resolve("locked.jsonl");
        try (ResumableOutput o = ResumableOutput.open(out, "k")) {
            assertThatThrownBy(() -> ResumableOutput.open(out, "k")).hasMessageContaining("another run");
        }
    }
}

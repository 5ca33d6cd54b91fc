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

    /**
     * Issue 14, item 10: a part file shorter than its journal (copied, restored, cut by a disk
     * problem) made every resume fail with "null" (the channel's size read after closing it). Units
     * whose bytes are gone are done again; the others are kept.
     */
    @Test
    void aTruncatedPartFileResumesFromTheUnitsItStillHolds() throws Exception {
        Path out = dir.resolve("cut.jsonl");
        try (ResumableOutput o = ResumableOutput.open(out, "k", 2, 60_000)) {
            for (int i = 0; i < 6; i++) {
                o.write(i, record("r" + i)); // three units of two
            }
        }
        Path part = ResumableOutput.partOf(out);
        long oneUnit = Files.readAllLines(part, StandardCharsets.UTF_8).subList(0, 2).stream()
                .mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length + 1).sum();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(part, StandardOpenOption.WRITE)) {
            ch.truncate(oneUnit + 5); // the first unit whole, a few bytes of the second
        }
        ResumableOutput r = ResumableOutput.open(out, "k", 2, 60_000);
        assertThat(r.resumedPositions()).isEqualTo(2);
        for (int i = 2; i < 6; i++) {
            assertThat(r.isDone(i)).isFalse();
            r.write(i, record("r" + i));
        }
        r.finish();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(lines.get(i)).contains("\"id\":\"r" + i + "\"");
        }
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

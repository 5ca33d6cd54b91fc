package org.vnextract.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.record.ArticleRecord;

/** The file sink on the paths where things go wrong (issue 14, items 6 and 13). */
class JsonlSinkTest {
    @TempDir
    Path dir;

    private static ArticleRecord record(String id) {
        return new ArticleRecord(ArticleRecord.SCHEMA, id, new ArticleRecord.Source(null, null, "text"),
                new ArticleRecord.Article(null, null, null, List.of(), null, "x".repeat(1000)), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), null,
                new ArticleRecord.Provenance("t", java.util.Map.of(), List.of()));
    }

    /** A disk that fills up after {@code room} bytes, as ENOSPC does. */
    private static OutputStream fullAfter(OutputStream out, long room) {
        return new FilterOutputStream(out) {
            long written;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written + len > room) {
                    throw new IOException("No space left on device");
                }
                written += len;
                out.write(b, off, len);
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
        };
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFullDiskLeavesNoTemporaryFileAndTheOldOutputInPlace() throws Exception {
        Path target = Files.writeString(dir.resolve("out.jsonl"), "old\n");
        JsonlSink sink = JsonlSink.toFile(target, s -> fullAfter(s, 200_000));
        assertThatThrownBy(() -> {
            for (int i = 0; i < 1000; i++) {
                sink.write(record("r" + i));
            }
            sink.commit();
        }).hasMessageContaining("No space left on device");
        assertThatThrownBy(sink::close).hasMessageContaining("No space left on device"); // the buffer cannot go either
        assertThat(files()).containsExactly("out.jsonl");
        assertThat(Files.readString(target)).isEqualTo("old\n");
    }

    @Test
    void aFullDiskAtCommitLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("out.jsonl");
        JsonlSink sink = JsonlSink.toFile(target, s -> fullAfter(s, 10));
        sink.write(record("a")); // buffered: the failure comes with the flush at commit
        assertThatThrownBy(sink::commit).hasMessageContaining("No space left on device");
        sink.close();
        assertThat(files()).isEmpty();
    }

    @Test
    void closingWithoutCommitRemovesTheTemporaryFile() throws Exception {
        JsonlSink sink = JsonlSink.toFile(dir.resolve("out.jsonl"));
        sink.write(record("a"));
        assertThat(sink.pending()).exists();
        sink.close();
        assertThat(files()).isEmpty();
    }

    @Test
    void aNewFileGetsTheUmasksModeAndAReplacedFileKeepsItsOwn() throws Exception {
        Path probe = Files.createFile(dir.resolve("probe")); // what any program's new file gets here
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(probe);
        Files.delete(probe);
        Path target = dir.resolve("new.jsonl");
        try (JsonlSink sink = JsonlSink.toFile(target)) {
            sink.write(record("a"));
            sink.commit();
        }
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(usual);

        Path shared = Files.writeString(dir.resolve("shared.jsonl"), "old\n");
        Set<PosixFilePermission> wide = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ);
        Files.setPosixFilePermissions(shared, wide);
        try (JsonlSink sink = JsonlSink.toFile(shared)) {
            sink.write(record("b"));
            sink.commit();
        }
        assertThat(Files.getPosixFilePermissions(shared)).isEqualTo(wide);
    }

    @Test
    void aMissingFolderIsNotCreated() {
        Path target = dir.resolve("no/such/x.jsonl");
        assertThatThrownBy(() -> JsonlSink.toFile(target)).hasMessageContaining("does not exist");
        assertThat(dir.resolve("no")).doesNotExist();
    }
}

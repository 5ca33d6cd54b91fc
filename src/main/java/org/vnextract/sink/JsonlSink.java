package org.vnextract.sink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.vnextract.internal.Validate;
import org.vnextract.record.ArticleRecord;
import org.vnextract.record.RecordJson;

/**
 * JSON Lines output. To a file, records go to a temporary file beside it which {@link #commit()}
 * renames over the target in one step, so readers never see half a batch and an old file survives
 * a failed run. To a stream (standard output), lines are written and flushed as they come.
 *
 * <p>Not thread-safe.
 */
public final class JsonlSink implements RecordSink {
    private final RecordJson json = new RecordJson();
    private final Writer out;
    private final Path target;
    private final Path temp;
    private boolean committed;

    private JsonlSink(Writer out, Path target, Path temp) {
        this.out = out;
        this.target = target;
        this.temp = temp;
    }

    public static JsonlSink toFile(Path target) throws IOException {
        Validate.notNull(target, "target");
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
        Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16);
        return new JsonlSink(w, abs, temp);
    }

    public static JsonlSink toStream(OutputStream stream) {
        Validate.notNull(stream, "stream");
        return toWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    /** Lines to a writer that the caller owns and has set up as UTF-8 (the CLI's standard output). */
    public static JsonlSink toWriter(Writer writer) {
        Validate.notNull(writer, "writer");
        return new JsonlSink(writer, null, null);
    }

    @Override
    public void write(ArticleRecord record) throws IOException {
        out.write(json.toLine(record));
        out.write('\n');
        if (target == null) {
            out.flush();
        }
    }

    @Override
    public void commit() throws IOException {
        out.flush();
        if (target != null && !committed) {
            out.close();
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    /** Without a commit, a file target is left untouched and the partial output stays in the temp file. */
    @Override
    public void close() throws IOException {
        if (target == null) {
            out.flush();
        } else if (!committed) {
            out.close();
        }
    }

    /** The temporary file holding uncommitted output, or null for a stream. */
    public Path pending() {
        return committed ? null : temp;
    }
}

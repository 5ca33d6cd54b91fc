package org.vnextract.sink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.function.UnaryOperator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.vnextract.internal.Validate;
import org.vnextract.record.ArticleRecord;
import org.vnextract.record.RecordJson;

/**
 * JSON Lines output. To a file, records go to a temporary file beside it ({@code .NAME.<random>.part})
 * which {@link #commit()} renames over the target in one step, so readers never see half a batch and
 * an old file survives a failed run; on every other path (a write error, a full disk, no commit) the
 * temporary file is removed. New files get the usual mode (0666 less the umask, as any program's);
 * a replaced file keeps its permissions. To a stream (standard output), lines are written and
 * flushed as they come, and a flush that fails stops the batch.
 *
 * <p>Not thread-safe.
 */
public final class JsonlSink implements RecordSink {
    private final RecordJson json = new RecordJson();
    private final Writer out;
    private final Path target;
    private final Path temp;
    private boolean committed;
    private boolean closed;

    private JsonlSink(Writer out, Path target, Path temp) {
        this.out = out;
        this.target = target;
        this.temp = temp;
    }

    /**
     * Fails early, before any work, when {@code target} cannot be written: its folder does not
     * exist (it is not created: a typo in a path must not scatter folders) or is not writable, or
     * the target is a directory.
     */
    public static void checkWritable(Path target) throws IOException {
        Validate.notNull(target, "target");
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (!Files.isDirectory(dir)) {
            throw new FileSystemException(target.toString(), null, "cannot write: the folder " + dir
                    + (Files.exists(dir) ? " is not a directory" : " does not exist (vnextract does not create folders)"));
        }
        if (Files.isDirectory(abs)) {
            throw new FileSystemException(target.toString(), null, "cannot write: it is a directory");
        }
        if (!Files.isWritable(dir)) {
            throw new FileSystemException(target.toString(), null, "cannot write: permission denied on the folder " + dir);
        }
    }

    public static JsonlSink toFile(Path target) throws IOException {
        return toFile(target, s -> s);
    }

    /** As {@link #toFile(Path)}, with the file's stream wrapped (tests inject write failures here). */
    static JsonlSink toFile(Path target, UnaryOperator<OutputStream> wrap) throws IOException {
        checkWritable(target);
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path temp = null;
        OutputStream stream = null;
        for (int attempt = 0; stream == null; attempt++) {
            temp = dir.resolve("." + abs.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
            try {
                // CREATE_NEW, not createTempFile: a temporary file is made with mode 0600, a new file with the umask's
                stream = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(wrap.apply(stream), StandardCharsets.UTF_8), 1 << 16);
            return new JsonlSink(w, abs, temp);
        } catch (RuntimeException e) {
            stream.close();
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    public static JsonlSink toStream(OutputStream stream) {
        Validate.notNull(stream, "stream");
        return toWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    /**
     * Lines to a writer that the caller owns and has set up as UTF-8 (the CLI's standard output).
     * Each line is flushed; a writer whose flush throws on lost output stops the batch at once.
     */
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
        if (target == null) {
            out.flush();
            committed = true;
            return;
        }
        if (committed) {
            return;
        }
        try {
            closed = true;
            out.close(); // flushes: a full disk shows here at the latest
            keepPermissions(target, temp);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } finally {
            if (!committed) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** A file being replaced keeps its permissions (a shared file stays shared). */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (!Files.exists(target) || !Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        } catch (IOException | SecurityException e) {
            // the target is someone else's: the new file keeps the umask's mode, which is what a new file gets
            return;
        }
    }

    /**
     * Without a commit, a file target is left untouched and the temporary file is removed; a stream
     * is flushed. Closing twice does nothing.
     */
    @Override
    public void close() throws IOException {
        if (target == null) {
            out.flush();
            return;
        }
        if (committed) {
            return;
        }
        try {
            if (!closed) {
                closed = true;
                out.close();
            }
        } catch (IOException e) {
            // the output is being thrown away: a flush that fails (a full disk) changes nothing
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.deleteIfExists(temp);
    }

    /** The temporary file holding uncommitted output, or null for a stream. */
    public Path pending() {
        return committed ? null : temp;
    }
}

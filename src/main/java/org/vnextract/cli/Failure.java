package org.vnextract.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import org.vnextract.pipeline.PipelineException;
import org.vnextract.store.StoreException;

/**
 * A failed run, as the user sees it: an exit code ({@link ExitCodes}) and the one line
 * {@code vnextract: SOURCE: REASON} that explains it. Commands throw it (or let an I/O, SQL or
 * pipeline exception through); {@link Main}'s one handler prints it, with the stack trace under
 * {@code -vv} only, and returns the code. {@link #of} is the one place that turns other exceptions
 * into this shape.
 *
 * <p>Immutable; thread-safe.
 */
public final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final String source;
    private final String reason;

    /** @param source what failed (a file, "standard output", a database), or null for the run as a whole */
    public Failure(int exitCode, String source, String reason, Throwable cause) {
        super(source == null ? reason : source + ": " + reason, cause);
        this.exitCode = exitCode;
        this.source = source;
        this.reason = reason == null || reason.isBlank() ? "failed" : reason;
    }

    public Failure(int exitCode, String source, String reason) {
        this(exitCode, source, reason, null);
    }

    public int exitCode() {
        return exitCode;
    }

    /** The line to print, sanitised. */
    public String line() {
        return ErrorLine.of(source, reason);
    }

    /** The failure an exception stands for: what was being read or written, and why, in words. */
    public static Failure of(Throwable e) {
        if (e instanceof Failure f) {
            return f;
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return of(u.getCause()).withCause(e);
        }
        if (e instanceof NoSuchFileException n) {
            return new Failure(ExitCodes.FAILED, n.getFile(), "no such file or directory", e);
        }
        if (e instanceof AccessDeniedException a) {
            return new Failure(ExitCodes.FAILED, a.getFile(), "permission denied", e);
        }
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return new Failure(ExitCodes.FAILED, fs.getFile(), fs.getReason() == null ? e.getClass().getSimpleName() : fs.getReason(), e);
        }
        if (e instanceof InvalidPathException p) {
            return new Failure(ExitCodes.FAILED, p.getInput(), Paths.unencodable(), e);
        }
        if (e instanceof IOException) {
            return new Failure(ExitCodes.FAILED, null, message(e), e);
        }
        if (e instanceof SQLException || e instanceof StoreException) {
            return new Failure(ExitCodes.FAILED, "database", message(e), e);
        }
        if (e instanceof PipelineException) {
            return new Failure(ExitCodes.FAILED, null, message(e), e);
        }
        if (e instanceof OutOfMemoryError) {
            return new Failure(ExitCodes.FAILED, null, "out of memory (raise -Xmx, or lower --threads)", e);
        }
        return new Failure(ExitCodes.FAILED, null, "internal error: " + e, e);
    }

    private Failure withCause(Throwable outer) {
        return new Failure(exitCode, source, reason, outer);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}

package org.vnextract.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as a {@link PrintWriter} (what picocli hands commands) that does not forget why a
 * write failed. {@code System.out} swallows errors; this one writes to file descriptor 1 directly
 * and keeps the first {@link IOException} ("No space left on device", "Broken pipe"), so that
 * {@link #checked(PrintWriter)} can stop a run at the first lost line and name the reason.
 *
 * <p>Not thread-safe: one command writes.
 */
final class StandardOutput extends PrintWriter {
    private final Remembering stream;

    private StandardOutput(Remembering stream) {
        super(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
        this.stream = stream;
    }

    /** The process's standard output, UTF-8 whatever the locale. */
    static StandardOutput open() {
        return new StandardOutput(new Remembering(new FileOutputStream(FileDescriptor.out)));
    }

    /** Why writing failed, or null. */
    String failure() {
        return stream.error == null ? null : stream.error.getMessage() == null ? "write error" : stream.error.getMessage();
    }

    /**
     * A writer onto {@code out} whose {@link Writer#flush()} throws when anything written so far was
     * lost, instead of carrying on and exiting 0 with the output gone.
     */
    static Writer checked(PrintWriter out) {
        return new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                out.write(cbuf, off, len);
            }

            @Override
            public void write(String str) throws IOException {
                out.write(str);
            }

            @Override
            public void flush() throws IOException {
                check(out);
            }

            @Override
            public void close() throws IOException {
                check(out);
            }
        };
    }

    /** Flushes {@code out}; throws if any of its output was lost. */
    static void check(PrintWriter out) throws IOException {
        if (out.checkError()) {
            String why = out instanceof StandardOutput s ? s.failure() : null;
            throw new IOException(why == null ? "write error" : why);
        }
    }

    /** Passes bytes on and remembers the first failure. */
    private static final class Remembering extends FilterOutputStream {
        IOException error;

        Remembering(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        private void remember(IOException e) {
            if (error == null) {
                error = e;
            }
        }
    }
}

package org.vnextract.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as RFC 4180 writes it (comma, CRLF, a field quoted when it holds a comma, quote or line
 * break; an empty field written {@code ""} so that a lone empty first field keeps its place), in
 * UTF-8 by the caller's writer. With {@code excel}, the file starts with a byte-order mark: Excel
 * reads a CSV without one in the machine's legacy code page and shows Vietnamese as mojibake.
 *
 * <p>Not thread-safe: one writer per file.
 */
public final class CsvWriter {
    /** U+FEFF, written first in UTF-8 (EF BB BF) when Excel is to read the file. */
    public static final char BOM = '\uFEFF';

    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    public CsvWriter(Writer out, boolean excel) {
        this.out = out;
        if (excel) {
            write(String.valueOf(BOM));
        }
    }

    public void row(List<?> fields) {
        line.setLength(0);
        for (Object f : fields) {
            field(f == null ? "" : f.toString());
        }
        line.append("\r\n");
        write(line.toString());
    }

    public void row(Object... fields) {
        row(java.util.Arrays.asList(fields));
    }

    private void field(String v) {
        if (line.length() > 0) {
            line.append(',');
        }
        if (v.isEmpty()) {
            line.append("\"\"");
            return;
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        if (quote) {
            line.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
            line.append(v);
        }
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.vnextract.batch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A quick estimate of how many articles some inputs hold, for the progress bar's total: files
 * count one each, JSON Lines files their non-blank lines. Unknown (empty result) when an input is
 * standard input or a web archive, whose records can only be counted by reading them.
 *
 * <p>Stateless; thread-safe. Meant for a background thread: it reads every JSON Lines file once.
 */
public final class SourceCounter {
    /** The estimated number of articles, or empty when it cannot be known cheaply. */
    public OptionalLong count(List<String> paths) {
        long n = 0;
        org.vnextract.ingest.Visited visited = new org.vnextract.ingest.Visited();
        for (String p : paths) {
            if (p.equals("-")) {
                return OptionalLong.empty();
            }
            try {
                long c = count(Path.of(p), true, visited);
                if (c < 0) {
                    return OptionalLong.empty();
                }
                n += c;
            } catch (IOException | RuntimeException e) {
                return OptionalLong.empty(); // only an estimate: the run itself reports the problem
            }
            if (Thread.currentThread().isInterrupted()) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(n);
    }

    private long count(Path p, boolean named, org.vnextract.ingest.Visited visited) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            return -1;
        }
        if (!visited.first(p)) {
            return 0; // counted under another name: Sources reads each real file once too
        }
        if (Files.isDirectory(p)) {
            long n = 0;
            List<Path> children;
            try (Stream<Path> s = Files.list(p)) {
                children = s.toList();
            }
            for (Path c : children) {
                long k = count(c, false, visited);
                if (k < 0) {
                    return -1;
                }
                n += k;
            }
            return n;
        }
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".warc")) {
            return -1;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return lines(p);
        }
        boolean article = name.endsWith(".txt") || name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml");
        return article || named ? 1 : 0;
    }

    /** Non-blank lines (a line holding only white space is skipped by the reader too). */
    private static long lines(Path p) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(p), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
            byte[] buf = new byte[1 << 16];
            long n = 0;
            boolean content = false;
            int r;
            while ((r = in.read(buf)) > 0) {
                for (int i = 0; i < r; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        if (content) {
                            n++;
                        }
                        content = false;
                    } else if (b != ' ' && b != '\r' && b != '\t') {
                        content = true;
                    }
                }
            }
            return content ? n + 1 : n;
        }
    }
}

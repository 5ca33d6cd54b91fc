package org.vnextract.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.vnextract.internal.Sha256;
import org.vnextract.internal.Validate;

/**
 * Turns the paths a user names into a lazy stream of {@link IngestResult}s, in a stable order:
 * paths in the order given, directory entries sorted by name, JSON Lines line by line. A source
 * that cannot be read becomes a {@link Rejected} value and the stream goes on.
 *
 * <p>Reads {@code .txt}, {@code .html}/{@code .htm}, {@code .jsonl}, {@code .warc} ({@link WarcArticles}) and any of them gzipped
 * ({@code .gz}). A directory contributes only files with those endings (so a README beside the
 * articles is not an article); a file named explicitly is read whatever its ending, its kind
 * guessed from its first bytes. {@code -} reads standard input.
 *
 * <p>Not thread-safe: one consumer iterates; the items it hands out are immutable.
 */
public final class Sources implements Iterator<IngestResult>, Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BINARY_SCAN = 8192;

    private final IngestLimits limits;
    private final CharsetSniffer sniffer = new CharsetSniffer();
    private final Deque<Object> pending = new ArrayDeque<>(); // Path, String "-", or a directory listing
    private final InputStream stdin;
    private JsonLines open; // the JSON Lines file being read, if any
    private WarcArticles archive; // the web archive being read, if any
    private IngestResult next;

    private Sources(List<String> paths, IngestLimits limits, InputStream stdin) {
        this.limits = limits;
        this.stdin = stdin;
        for (String p : paths) {
            pending.add(p.equals("-") ? "-" : Path.of(p));
        }
    }

    public static Sources open(List<String> paths, IngestLimits limits, InputStream stdin) {
        Validate.noNulls(paths, "paths");
        Validate.notNull(limits, "limits");
        Validate.notNull(stdin, "stdin");
        return new Sources(paths, limits, stdin);
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (archive != null) {
                if (archive.hasNext()) {
                    next = archive.next();
                    return true;
                }
                archive.close();
                archive = null;
            }
            if (open != null) {
                next = open.next();
                if (next != null) {
                    return true;
                }
                open.close();
                open = null;
            }
            if (pending.isEmpty()) {
                return false;
            }
            next = advance(pending.poll());
        }
        return true;
    }

    @Override
    public IngestResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        IngestResult r = next;
        next = null;
        return r;
    }

    @Override
    public void close() {
        if (archive != null) {
            archive.close();
            archive = null;
        }
        if (open != null) {
            open.close();
            open = null;
        }
        pending.clear();
    }

    /** Handles one pending entry; returns a result, or null when the entry expanded into others. */
    private IngestResult advance(Object entry) {
        if (entry instanceof String) {
            return readStdin();
        }
        Path p = (Path) entry;
        String name = p.toString();
        if (Files.isDirectory(p)) {
            List<Path> children = new ArrayList<>();
            try (Stream<Path> s = Files.list(p)) {
                s.sorted().forEach(children::add);
            } catch (IOException | UncheckedIOException e) {
                return new Rejected(name, "cannot list directory: " + describe(e));
            }
            List<Object> keep = new ArrayList<>();
            for (Path c : children) {
                if (Files.isDirectory(c) || kindOf(c.getFileName().toString()) != null) {
                    keep.add(c);
                }
            }
            for (int i = keep.size() - 1; i >= 0; i--) {
                pending.addFirst(keep.get(i));
            }
            return null;
        }
        if (!Files.exists(p)) {
            return new Rejected(name, "no such file or directory");
        }
        if (!Files.isRegularFile(p)) {
            return new Rejected(name, "not a regular file");
        }
        String fileName = p.getFileName().toString();
        SourceFormat kind = kindOf(fileName);
        String uri = p.toAbsolutePath().normalize().toString();
        if (kind == SourceFormat.JSONL) {
            // streamed line by line: the iterator owns the stream until the file is done
            try {
                InputStream in = Files.newInputStream(p);
                open = new JsonLines(name, fileName.toLowerCase(Locale.ROOT).endsWith(".gz")
                        ? gunzipStream(in) : in);
                return null;
            } catch (IOException e) {
                return new Rejected(name, "cannot read: " + describe(e));
            }
        }
        if (kind == SourceFormat.WARC) {
            try {
                archive = WarcArticles.open(name, Files.newInputStream(p), limits);
                return null;
            } catch (IOException e) {
                return new Rejected(name, "cannot read: " + describe(e));
            }
        }
        try (InputStream in = Files.newInputStream(p)) {
            return readWhole(name, uri, in, kind);
        } catch (IOException e) {
            return new Rejected(name, "cannot read: " + describe(e));
        }
    }

    private static InputStream gunzipStream(InputStream in) throws IOException {
        try {
            return new GZIPInputStream(in, 64 * 1024);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** Standard input: JSON Lines are streamed; anything else is one article. */
    private IngestResult readStdin() {
        try {
            java.io.BufferedInputStream in = new java.io.BufferedInputStream(stdin, 1 << 16);
            in.mark(4096);
            byte[] head = in.readNBytes(4096);
            in.reset();
            if (!BoundedReads.isGzip(head) && sniffKind(head) == SourceFormat.JSONL) {
                open = new JsonLines("<stdin>", in);
                return null;
            }
            return readWhole("<stdin>", null, in, null);
        } catch (IOException e) {
            return new Rejected("<stdin>", "cannot read: " + describe(e));
        }
    }

    private IngestResult readWhole(String name, String uri, InputStream raw, SourceFormat kind) {
        try {
            byte[] bytes = BoundedReads.readAll(raw, limits.maxBytes(), "source");
            if (BoundedReads.isGzip(bytes)) {
                bytes = BoundedReads.gunzip(bytes, limits.maxBytes(), limits.maxGzipRatio());
            }
            if (kind == null) {
                kind = sniffKind(bytes);
            }
            if (kind == SourceFormat.JSONL) {
                open = new JsonLines(name, new ByteArrayInputStream(bytes));
                return null;
            }
            return document(name, kind, bytes, SourceMetadata.of(Sha256.recordId(bytes), uri), null);
        } catch (IOException e) {
            return new Rejected(name, e instanceof BoundedReads.LimitExceeded ? e.getMessage() : "cannot read: " + describe(e));
        }
    }

    /** Which kind of article file a name says it is, after any {@code .gz}; null for other files. */
    static SourceFormat kindOf(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        if (n.endsWith(".txt")) {
            return SourceFormat.TEXT;
        }
        if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml")) {
            return SourceFormat.HTML;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return SourceFormat.JSONL;
        }
        if (n.endsWith(".warc")) {
            return SourceFormat.WARC;
        }
        return null;
    }

    private static SourceFormat sniffKind(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        if (i < bytes.length && bytes[i] == '{') {
            return SourceFormat.JSONL;
        }
        if (i < bytes.length && bytes[i] == '<') {
            return SourceFormat.HTML;
        }
        return SourceFormat.TEXT;
    }

    /** Decodes one source's bytes into a document, or rejects it as empty, binary or undecodable. */
    private IngestResult document(String name, SourceFormat format, byte[] bytes, SourceMetadata meta, String charset) {
        if (bytes.length == 0) {
            return new Rejected(name, "empty");
        }
        String binary = binaryKind(bytes);
        if (binary != null) {
            return new Rejected(name, "binary content (" + binary + ")");
        }
        ContentType type = format == SourceFormat.HTML ? ContentType.HTML : ContentType.TEXT;
        CharsetSniffer.Decoded d = sniffer.decode(bytes, type, charset);
        if (!d.ok()) {
            return new Rejected(name, d.error());
        }
        if (d.text().isBlank()) {
            return new Rejected(name, "empty (white space only)");
        }
        return new RawDocument(name, format, type, d.text(), meta, d.warnings());
    }

    /** A short name for binary content, or null for text. UTF-16 with a BOM is text. */
    static String binaryKind(byte[] b) {
        if (b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
                || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE))) {
            return null;
        }
        if (startsWith(b, "%PDF")) {
            return "PDF";
        }
        if (startsWith(b, "\u0089PNG")) {
            return "PNG image";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "JPEG image";
        }
        if (startsWith(b, "GIF8")) {
            return "GIF image";
        }
        if (startsWith(b, "PK\u0003\u0004")) {
            return "ZIP archive";
        }
        int n = Math.min(b.length, BINARY_SCAN);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return "NUL bytes";
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        return control * 10 > n ? "control characters" : null;
    }

    private static boolean startsWith(byte[] b, String magic) {
        if (b.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if ((b[i] & 0xFF) != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static String describe(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        Throwable c = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (c instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = c.getMessage();
        return m == null ? c.getClass().getSimpleName() : m;
    }

    /** Reads one JSON Lines stream line by line; each line is a source of its own. */
    private final class JsonLines {
        private final String name;
        private final InputStream stream;
        private final BufferedReader reader;
        private int lineNo;
        private boolean failed;

        JsonLines(String name, InputStream stream) {
            this.name = name;
            this.stream = stream;
            this.reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        }

        /** The next line's result, or null at the end. */
        IngestResult next() {
            while (!failed) {
                String line;
                try {
                    line = readLine();
                } catch (BoundedReads.LimitExceeded e) {
                    lineNo++;
                    return new Rejected(name + ":" + lineNo, e.getMessage());
                } catch (IOException e) {
                    failed = true;
                    return new Rejected(name + ":" + (lineNo + 1), "cannot read further: " + describe(e));
                }
                if (line == null) {
                    return null;
                }
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                return parse(name + ":" + lineNo, line);
            }
            return null;
        }

        /** A line, read without ever holding more than the limit of a huge one. */
        private String readLine() throws IOException {
            StringBuilder sb = null;
            long max = limits.maxBytes();
            while (true) {
                int c = reader.read();
                if (c < 0) {
                    return sb == null ? null : sb.toString();
                }
                if (sb == null) {
                    sb = new StringBuilder(256);
                }
                if (c == '\n') {
                    int len = sb.length();
                    if (len > 0 && sb.charAt(len - 1) == '\r') {
                        sb.setLength(len - 1);
                    }
                    return sb.toString();
                }
                sb.append((char) c);
                if (sb.length() > max) {
                    // skip the rest of the over-size line so the next one starts clean
                    int d;
                    do {
                        d = reader.read();
                    } while (d >= 0 && d != '\n');
                    throw new BoundedReads.LimitExceeded("line is over the limit of " + max + " bytes (--max-bytes)");
                }
            }
        }

        private IngestResult parse(String where, String line) {
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                return new Rejected(where, "malformed JSON: " + e.getOriginalMessage());
            }
            if (n == null || !n.isObject()) {
                return new Rejected(where, "not a JSON object");
            }
            String html = text(n, "html");
            String body = firstText(n, "text", "body", "content");
            if (html == null && body == null) {
                return new Rejected(where, "no 'text' or 'html' field");
            }
            String id = firstText(n, "id");
            if (id == null) {
                id = Sha256.recordId(line.getBytes(StandardCharsets.UTF_8));
            }
            String uri = firstText(n, "url", "uri");
            List<String> authors = new ArrayList<>();
            JsonNode a = n.has("authors") ? n.get("authors") : n.get("author");
            if (a != null && a.isArray()) {
                a.forEach(x -> {
                    if (x.isTextual() && !x.asText().isBlank()) {
                        authors.add(x.asText().strip());
                    }
                });
            } else if (a != null && a.isTextual() && !a.asText().isBlank()) {
                authors.add(a.asText().strip());
            }
            SourceMetadata meta = new SourceMetadata(id, uri, firstText(n, "title"),
                    firstText(n, "lead", "header", "sapo", "description"),
                    firstText(n, "published", "time", "date"), authors, firstText(n, "section"));
            String content = html != null ? html : body;
            if (content.isBlank()) {
                return new Rejected(where, "empty text");
            }
            String binary = binaryKind(content.substring(0, Math.min(content.length(), BINARY_SCAN))
                    .getBytes(StandardCharsets.UTF_8));
            if (binary != null) {
                return new Rejected(where, "binary content (" + binary + ")");
            }
            return new RawDocument(where, SourceFormat.JSONL, html != null ? ContentType.HTML : ContentType.TEXT,
                    content, meta, List.of());
        }

        void close() {
            try {
                stream.close();
            } catch (IOException e) {
                // closing a read-only stream cannot lose data; nothing to report to the user
                return;
            }
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static String firstText(JsonNode n, String... fields) {
        for (String f : fields) {
            JsonNode v = n.get(f);
            if (v != null && (v.isTextual() || v.isNumber()) && !v.asText().isBlank()) {
                return v.asText().strip();
            }
        }
        return null;
    }
}

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
    private static final int BINARY_SCAN = 8192;

    private final IngestLimits limits;
    private final CharsetSniffer sniffer = new CharsetSniffer();
    private final Deque<Object> pending = new ArrayDeque<>(); // Path, String "-", or a directory listing
    private final InputStream stdin;
    private final Visited visited = new Visited();
    private final ObjectMapper json;
    private JsonLines open; // the JSON Lines file being read, if any
    private WarcArticles archive; // the web archive being read, if any
    private IngestResult next;

    private Sources(List<String> paths, IngestLimits limits, InputStream stdin) {
        this.limits = limits;
        this.stdin = stdin;
        // Jackson refuses strings over 20 M characters by default: a line within --max-bytes must parse whatever its size
        int maxString = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(limits.maxBytes(),
                com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_STRING_LEN));
        this.json = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxStringLength(maxString).build())
                .build());
        for (String p : paths) {
            pending.add(p.equals("-") ? "-" : pathOrRejected(p));
        }
    }

    /**
     * Why a path argument cannot be used: the JVM encodes file names in the locale's charset, so
     * under {@code LC_ALL=C} a non-ASCII name cannot even be looked up.
     */
    public static String unencodableName() {
        String cs = System.getProperty("sun.jnu.encoding", java.nio.charset.Charset.defaultCharset().name());
        return "cannot read: the name cannot be written in this locale's file-name charset (" + cs
                + "); run under a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
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

    /** The path named by an argument, or its rejection when the locale cannot encode the name (issue 14, item 8). */
    private static Object pathOrRejected(String p) {
        try {
            return Path.of(p);
        } catch (java.nio.file.InvalidPathException e) {
            return new Rejected(p, unencodableName());
        }
    }

    /** Handles one pending entry; returns a result, or null when the entry expanded into others. */
    private IngestResult advance(Object entry) {
        if (entry instanceof String) {
            return readStdin();
        }
        if (entry instanceof Rejected r) {
            return r;
        }
        Path p = (Path) entry;
        String name = p.toString();
        if (!visited.first(p)) {
            return null; // already read under another name (a link, a loop back up the tree, a path given twice)
        }
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
                        ? BoundedReads.ratioCapped(gunzipStream(in), Files.size(p), limits.maxGzipRatio(), limits.maxBytes())
                        : in);
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

    /** A short name for binary content, or null for text. UTF-16, with a BOM or without, is text. */
    static String binaryKind(byte[] b) {
        if (b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
                || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE))) {
            return null;
        }
        if (CharsetSniffer.utf16ByNuls(b) != null) {
            return null; // UTF-16 without a byte-order mark: its NUL bytes are text
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

    /**
     * Reads one JSON Lines stream line by line; each line is a source of its own. Lines are split on
     * bytes and decoded one by one, so a line with invalid UTF-8 is that line's problem only: it is
     * rejected with its own line number (or, with {@link IngestLimits#lenientUtf8()}, read with
     * U+FFFD and a warning), and the lines after it are read. {@code --max-bytes} counts the line's
     * bytes, and the JSON parser takes strings as long as that limit allows.
     */
    private final class JsonLines {
        private final String name;
        private final InputStream stream;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int end;
        private boolean eof;
        private byte[] line = new byte[256];
        private int lineLen;
        private int lineNo;
        private boolean failed;

        JsonLines(String name, InputStream stream) {
            this.name = name;
            this.stream = stream;
        }

        /** The next line's result, or null at the end. */
        IngestResult next() {
            while (!failed) {
                boolean got;
                try {
                    got = readLine();
                } catch (BoundedReads.LimitExceeded e) {
                    lineNo++;
                    return new Rejected(name + ":" + lineNo, e.getMessage());
                } catch (IOException e) {
                    failed = true;
                    return new Rejected(name + ":" + (lineNo + 1), "cannot read further: " + describe(e));
                }
                if (!got) {
                    return null;
                }
                lineNo++;
                if (isBlank(line, lineLen)) {
                    continue;
                }
                String where = name + ":" + lineNo;
                List<String> warnings = new ArrayList<>();
                String text = decode(where, warnings);
                if (text == null) {
                    return new Rejected(where, "invalid UTF-8 at byte " + CharsetSniffer.firstInvalidUtf8(
                            java.util.Arrays.copyOf(line, lineLen)) + " of the line (--lenient-utf8 reads it with U+FFFD)");
                }
                return parse(where, text, warnings);
            }
            return null;
        }

        /** The line as text; null when it is not UTF-8 and the limits want it strict. */
        private String decode(String where, List<String> warnings) {
            if (CharsetSniffer.firstInvalidUtf8(line, lineLen) < 0) {
                return new String(line, 0, lineLen, StandardCharsets.UTF_8);
            }
            if (!limits.lenientUtf8()) {
                return null;
            }
            String text = new String(line, 0, lineLen, StandardCharsets.UTF_8); // replaces every bad sequence by U+FFFD
            int replaced = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\uFFFD') {
                    replaced++;
                }
            }
            warnings.add("invalid UTF-8 (first at byte " + CharsetSniffer.firstInvalidUtf8(line, lineLen)
                    + " of the line): " + replaced + " replacement characters U+FFFD in the text (--lenient-utf8)");
            return text;
        }

        /** Reads the next line's bytes into {@code line} (without the newline and a CR before it); false at the end. */
        private boolean readLine() throws IOException {
            long max = limits.maxBytes();
            lineLen = 0;
            boolean any = false;
            while (true) {
                if (pos == end) {
                    if (eof || !fill()) {
                        return any;
                    }
                }
                any = true;
                int start = pos;
                while (pos < end && buf[pos] != '\n') {
                    pos++;
                }
                int n = pos - start;
                boolean newline = pos < end;
                if (newline) {
                    pos++;
                }
                if ((long) lineLen + n > max) {
                    if (!newline) {
                        skipLine();
                    }
                    throw new BoundedReads.LimitExceeded("line is over the limit of " + max + " bytes (--max-bytes)");
                }
                append(start, n);
                if (newline) {
                    if (lineLen > 0 && line[lineLen - 1] == '\r') {
                        lineLen--;
                    }
                    return true;
                }
            }
        }

        private boolean fill() throws IOException {
            int r = stream.read(buf, 0, buf.length);
            if (r <= 0) {
                eof = true;
                pos = end = 0;
                return false;
            }
            pos = 0;
            end = r;
            return true;
        }

        private void append(int start, int n) {
            if (lineLen + n > line.length) {
                line = java.util.Arrays.copyOf(line, (int) Math.min(Integer.MAX_VALUE - 16, Math.max((long) lineLen + n, line.length * 2L)));
            }
            System.arraycopy(buf, start, line, lineLen, n);
            lineLen += n;
        }

        /** Skips to the start of the next line: an over-size line is never held whole. */
        private void skipLine() throws IOException {
            while (true) {
                while (pos < end) {
                    if (buf[pos++] == '\n') {
                        return;
                    }
                }
                if (eof || !fill()) {
                    return;
                }
            }
        }

        private boolean isBlank(byte[] b, int n) {
            for (int i = 0; i < n; i++) {
                if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\f') {
                    return false;
                }
            }
            return true;
        }

        private IngestResult parse(String where, String line, List<String> warnings) {
            JsonNode n;
            try {
                n = json.readTree(line);
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
            // legacy-encoded (TCVN3/VNI), decomposed or mixed-tone text arrives in JSON Lines too
            content = sniffer.review(content, true, warnings);
            return new RawDocument(where, SourceFormat.JSONL, html != null ? ContentType.HTML : ContentType.TEXT,
                    content, meta, warnings);
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

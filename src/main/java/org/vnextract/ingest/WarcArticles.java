package org.vnextract.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.vnextract.internal.Sha256;
import org.vnextract.internal.Validate;

/**
 * The articles in a web archive ({@code .warc} or {@code .warc.gz}, as Heritrix, wget and Common
 * Crawl write them), read with jwarc: each {@code response} record holding a successful (2xx) HTTP
 * response with an HTML body becomes a {@link RawDocument} of format {@link SourceFormat#WARC},
 * with the record's target URI and, as the publication date of last resort, the capture date (in
 * Vietnam's time, +07:00; the page's own date wins, see {@code CleanStage}). Requests, metadata,
 * redirects, errors and non-HTML resources (images, scripts) are not articles and are skipped
 * silently. A body over the size limit or in an unreadable charset becomes a {@link Rejected}
 * value; a damaged archive ends with one {@link Rejected} value saying where reading stopped.
 *
 * <p>Streams the archive record by record: memory holds one body at a time. Not thread-safe: one
 * consumer iterates; the documents it hands out are immutable.
 */
public final class WarcArticles implements Iterator<IngestResult>, Closeable {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private final String name;
    private final WarcReader reader;
    private final IngestLimits limits;
    private final CharsetSniffer sniffer;
    private IngestResult next;
    private boolean ended;

    private WarcArticles(String name, WarcReader reader, IngestLimits limits, CharsetSniffer sniffer) {
        this.name = name;
        this.reader = reader;
        this.limits = limits;
        this.sniffer = sniffer;
        reader.setLenient(true); // real crawls have small header defects; a bad body is caught per record
    }

    /**
     * Reads the archive on {@code in} (plain or gzip-compressed, detected from its first bytes),
     * naming each article {@code name:URI} in messages. Closing this closes {@code in}.
     */
    public static WarcArticles open(String name, InputStream in, IngestLimits limits) throws IOException {
        Validate.notEmpty(name, "name");
        Validate.notNull(in, "in");
        Validate.notNull(limits, "limits");
        return new WarcArticles(name, new WarcReader(in), limits, new CharsetSniffer());
    }

    @Override
    public boolean hasNext() {
        while (next == null && !ended) {
            next = advance();
        }
        return next != null;
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

    /** The next article or rejection; null for a record that is not an article. */
    private IngestResult advance() {
        Optional<WarcRecord> rec;
        long at = reader.position();
        try {
            rec = reader.next();
        } catch (IOException | RuntimeException e) {
            ended = true;
            return new Rejected(name + "@" + at, "cannot read further in the archive: " + Sources.describe(e));
        }
        if (rec.isEmpty()) {
            ended = true;
            return null;
        }
        if (!(rec.get() instanceof WarcResponse resp)) {
            return null;
        }
        String target = resp.target();
        String where = name + ":" + (target == null ? "@" + at : target);
        try {
            MediaType type = resp.contentType();
            if (!type.base().toString().equalsIgnoreCase("application/http")) {
                return null; // a DNS answer or another non-HTTP payload
            }
            HttpResponse http = resp.http();
            if (http.status() < 200 || http.status() >= 300) {
                return null;
            }
            MediaType bodyType = http.contentType();
            String base = bodyType == null ? "" : bodyType.base().toString().toLowerCase(Locale.ROOT);
            boolean html = base.equals("text/html") || base.equals("application/xhtml+xml");
            if (!html && !base.isEmpty() && !base.equals("application/octet-stream")) {
                return null;
            }
            byte[] bytes;
            try (InputStream body = http.bodyDecoded().stream()) {
                bytes = BoundedReads.readAll(body, limits.maxBytes(), "record");
            }
            if (!html && !looksLikeHtml(bytes)) {
                return null;
            }
            if (bytes.length == 0) {
                return new Rejected(where, "empty");
            }
            String binary = Sources.binaryKind(bytes);
            if (binary != null) {
                return new Rejected(where, "binary content (" + binary + ")");
            }
            String charset = bodyType == null ? null : bodyType.parameters().get("charset");
            CharsetSniffer.Decoded d = sniffer.decode(bytes, ContentType.HTML, charset);
            if (!d.ok()) {
                return new Rejected(where, d.error());
            }
            if (d.text().isBlank()) {
                return new Rejected(where, "empty (white space only)");
            }
            Instant captured = resp.date();
            String published = captured == null ? null : ISO.format(captured.atOffset(VIETNAM));
            SourceMetadata meta = new SourceMetadata(Sha256.recordId(bytes), target, null, null, published,
                    java.util.List.of(), null);
            return new RawDocument(where, SourceFormat.WARC, ContentType.HTML, d.text(), meta, d.warnings());
        } catch (BoundedReads.LimitExceeded e) {
            return new Rejected(where, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Rejected(where, "malformed record: " + Sources.describe(e));
        }
    }

    private static boolean looksLikeHtml(byte[] b) {
        int i = 0;
        while (i < b.length && i < 1024 && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t'
                || (b[i] & 0xFF) == 0xEF || (b[i] & 0xFF) == 0xBB || (b[i] & 0xFF) == 0xBF)) {
            i++;
        }
        return i < b.length && b[i] == '<';
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // closing a read-only archive cannot lose data; nothing to report to the user
            return;
        }
    }
}

package org.vnextract.spark;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.vnextract.Vnextract;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Rejected;
import org.vnextract.record.RecordJson;

/**
 * The records of a stream of ingested sources, as JSON lines, lazily: the step every Spark reader
 * shares (JSON Lines partitions, web archives). A rejected source, or a document the pipeline fails
 * on, is counted in {@code rejected}, logged and skipped; each record is counted in {@code records}.
 * The sources are closed once they are used up.
 *
 * <p>Not thread-safe: one task reads it.
 */
final class RecordIterator<S extends Iterator<IngestResult> & Closeable> implements Iterator<String> {
    private final S sources;
    private final Vnextract vx;
    private final LongAccumulator records;
    private final LongAccumulator rejected;
    private final Logger log;
    private final UnaryOperator<String> where;
    private final RecordJson json = new RecordJson();
    private String next;

    /**
     * @param where how a source is named in the log ("partition 3 line 12", a file name), from its
     *     {@code source()} string
     */
    RecordIterator(S sources, Vnextract vx, LongAccumulator records, LongAccumulator rejected, Logger log,
                   UnaryOperator<String> where) {
        this.sources = sources;
        this.vx = vx;
        this.records = records;
        this.rejected = rejected;
        this.log = log;
        this.where = where;
    }

    @Override
    public boolean hasNext() {
        while (next == null && sources.hasNext()) {
            IngestResult r = sources.next();
            if (r instanceof Rejected rej) {
                rejected.add(1);
                log.warn("vnextract: {}: {}", where.apply(rej.source()), rej.reason());
                continue;
            }
            RawDocument doc = (RawDocument) r;
            try {
                next = json.toLine(vx.process(doc));
                records.add(1);
            } catch (RuntimeException | StackOverflowError e) {
                rejected.add(1);
                log.warn("vnextract: {}: internal error: {}", where.apply(doc.source()), e.toString());
            }
        }
        if (next == null) {
            try {
                sources.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return next != null;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String l = next;
        next = null;
        return l;
    }
}

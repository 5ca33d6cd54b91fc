package org.vnextract.spark;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnextract.Vnextract;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Rejected;
import org.vnextract.ingest.Sources;
import org.vnextract.record.RecordJson;

/**
 * Turns one partition of JSON Lines (one article per line, as {@code extract} reads them) into
 * record lines, lazily: the partition's lines are streamed through the same {@link Sources} reader
 * the CLI uses, so a line gives the same record here as there. A line that is not a JSON object, or
 * that the reader rejects, is counted in the {@code rejected} accumulator and logged; the partition
 * goes on.
 *
 * <p>Serializable (it travels to the executors); each call works on its own iterator, so one
 * instance may serve concurrent tasks.
 */
final class PartitionExtractor implements MapPartitionsFunction<String, String> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<PipelineFactory> factory;
    private final LongAccumulator records;
    private final LongAccumulator rejected;

    PartitionExtractor(Broadcast<PipelineFactory> factory, LongAccumulator records, LongAccumulator rejected) {
        this.factory = factory;
        this.records = records;
        this.rejected = rejected;
    }

    @Override
    public Iterator<String> call(Iterator<String> lines) {
        PipelineFactory f = factory.value();
        Vnextract vx = f.pipeline();
        Logger log = LoggerFactory.getLogger(PartitionExtractor.class);
        String where = "partition " + org.apache.spark.TaskContext.getPartitionId();
        Iterator<String> objects = new Iterator<>() {
            private String next;
            private long lineNo;

            @Override
            public boolean hasNext() {
                while (next == null && lines.hasNext()) {
                    String l = lines.next();
                    lineNo++;
                    String t = l.strip();
                    if (t.isEmpty()) {
                        continue;
                    }
                    if (t.charAt(0) != '{') {
                        rejected.add(1);
                        log.warn("vnextract: {} line {}: malformed JSON: not an object", where, lineNo);
                        continue;
                    }
                    next = l;
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
        };
        Sources sources = Sources.open(List.of("-"), f.limits(), new LinesInputStream(objects));
        return new RecordLines(sources, vx, where, log);
    }

    /** The records of a stream of sources, as JSON lines; rejections are counted and skipped. */
    private final class RecordLines implements Iterator<String> {
        private final Sources sources;
        private final Vnextract vx;
        private final String where;
        private final Logger log;
        private final RecordJson json = new RecordJson();
        private String next;

        RecordLines(Sources sources, Vnextract vx, String where, Logger log) {
            this.sources = sources;
            this.vx = vx;
            this.where = where;
            this.log = log;
        }

        @Override
        public boolean hasNext() {
            while (next == null && sources.hasNext()) {
                IngestResult r = sources.next();
                if (r instanceof Rejected rej) {
                    rejected.add(1);
                    log.warn("vnextract: {} {}: {}", where, rej.source().replace("<stdin>:", "line "), rej.reason());
                    continue;
                }
                RawDocument doc = (RawDocument) r;
                try {
                    next = json.toLine(vx.process(doc));
                    records.add(1);
                } catch (RuntimeException | StackOverflowError e) {
                    rejected.add(1);
                    log.warn("vnextract: {} {}: internal error: {}", where, doc.source().replace("<stdin>:", "line "), e.toString());
                }
            }
            if (next == null) {
                sources.close();
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

    /** Lines as one UTF-8 byte stream, each followed by a newline; pulls a line only when needed. */
    static final class LinesInputStream extends InputStream {
        private final Iterator<String> lines;
        private ByteArrayInputStream current = new ByteArrayInputStream(new byte[0]);

        LinesInputStream(Iterator<String> lines) {
            this.lines = lines;
        }

        private boolean fill() {
            while (current.available() == 0) {
                if (!lines.hasNext()) {
                    return false;
                }
                current = new ByteArrayInputStream((lines.next() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? current.read() : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            return fill() ? current.read(b, off, len) : -1;
        }
    }
}

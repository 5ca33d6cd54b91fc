package org.vnextract.spark;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnextract.ingest.Sources;

/**
 * Turns one partition of JSON Lines (one article per line, as {@code extract} reads them) into
 * record lines, lazily ({@link RecordIterator}): the partition's lines, as raw bytes, are streamed
 * through the same {@link Sources} reader the CLI uses, so a line gives the same record here as
 * there, and a line with invalid UTF-8 is rejected (or, with {@code --lenient-utf8}, read with
 * U+FFFD and a warning) here as there. A line
 * that is not a JSON object, or that the reader rejects, is counted in the {@code rejected}
 * accumulator and logged; the partition goes on.
 *
 * <p>Serializable (it travels to the executors); each call works on its own iterator, so one
 * instance may serve concurrent tasks.
 */
final class PartitionExtractor implements FlatMapFunction<Iterator<byte[]>, String> {
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
    public Iterator<String> call(Iterator<byte[]> lines) {
        PipelineFactory f = factory.value();
        Logger log = LoggerFactory.getLogger(PartitionExtractor.class);
        String where = "partition " + org.apache.spark.TaskContext.getPartitionId();
        LinesInputStream objects = new LinesInputStream(lines, lineNo -> {
            rejected.add(1);
            log.warn("vnextract: {} line {}: malformed JSON: not an object", where, lineNo);
        });
        Sources sources = Sources.open(List.of("-"), f.limits(), objects);
        return new RecordIterator<>(sources, f.pipeline(), records, rejected, log,
                source -> where + " " + source.replace("<stdin>:", "line "));
    }

    /**
     * The JSON object lines of a partition as one byte stream, each followed by a newline, with
     * their bytes as they are in the file; pulls a line only when needed. Blank lines are skipped; a
     * line that is not a JSON object is handed to {@code malformed} (with its line number in the
     * partition) and skipped.
     */
    static final class LinesInputStream extends InputStream {
        private final Iterator<byte[]> lines;
        private final LongConsumer malformed;
        private long lineNo;
        private ByteArrayInputStream current = new ByteArrayInputStream(new byte[0]);

        LinesInputStream(Iterator<byte[]> lines, LongConsumer malformed) {
            this.lines = lines;
            this.malformed = malformed;
        }

        private boolean fill() {
            while (current.available() == 0) {
                if (!lines.hasNext()) {
                    return false;
                }
                byte[] l = lines.next();
                lineNo++;
                int i = 0;
                while (i < l.length && (l[i] == ' ' || l[i] == '\t' || l[i] == '\r' || l[i] == '\f')) {
                    i++;
                }
                if (i == l.length) {
                    continue;
                }
                if (l[i] != '{') {
                    malformed.accept(lineNo);
                    continue;
                }
                byte[] withNewline = java.util.Arrays.copyOf(l, l.length + 1);
                withNewline[l.length] = '\n';
                current = new ByteArrayInputStream(withNewline);
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

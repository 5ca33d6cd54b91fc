package org.vnextract.spark;

import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnextract.Vnextract;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Rejected;
import org.vnextract.ingest.WarcArticles;
import org.vnextract.record.RecordJson;
import scala.Tuple2;

/**
 * Turns one web archive file (read whole by {@code binaryFiles}, streamed record by record) into
 * record lines with the same reader as the CLI ({@link WarcArticles}). Rejections are counted and
 * logged. Serializable; each call has its own state.
 */
final class WarcExtractor implements FlatMapFunction<Tuple2<String, PortableDataStream>, String> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<PipelineFactory> factory;
    private final LongAccumulator records;
    private final LongAccumulator rejected;

    WarcExtractor(Broadcast<PipelineFactory> factory, LongAccumulator records, LongAccumulator rejected) {
        this.factory = factory;
        this.records = records;
        this.rejected = rejected;
    }

    @Override
    public Iterator<String> call(Tuple2<String, PortableDataStream> file) throws Exception {
        PipelineFactory f = factory.value();
        Vnextract vx = f.pipeline();
        Logger log = LoggerFactory.getLogger(WarcExtractor.class);
        InputStream in = file._2().open();
        WarcArticles articles = WarcArticles.open(file._1(), in, f.limits());
        RecordJson json = new RecordJson();
        return new Iterator<>() {
            private String next;

            @Override
            public boolean hasNext() {
                while (next == null && articles.hasNext()) {
                    IngestResult r = articles.next();
                    if (r instanceof Rejected rej) {
                        rejected.add(1);
                        log.warn("vnextract: {}: {}", rej.source(), rej.reason());
                        continue;
                    }
                    RawDocument doc = (RawDocument) r;
                    try {
                        next = json.toLine(vx.process(doc));
                        records.add(1);
                    } catch (RuntimeException | StackOverflowError e) {
                        rejected.add(1);
                        log.warn("vnextract: {}: internal error: {}", doc.source(), e.toString());
                    }
                }
                if (next == null) {
                    articles.close();
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
    }
}

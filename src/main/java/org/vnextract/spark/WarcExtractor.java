package org.vnextract.spark;

import java.io.InputStream;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnextract.ingest.WarcArticles;
import scala.Tuple2;

/**
 * Turns one web archive file (read whole by {@code binaryFiles}, streamed record by record) into
 * record lines ({@link RecordIterator}) with the same reader as the CLI ({@link WarcArticles}).
 * Rejections are counted and logged. Serializable; each call has its own state.
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
        Logger log = LoggerFactory.getLogger(WarcExtractor.class);
        InputStream in = file._2().open();
        WarcArticles articles = WarcArticles.open(file._1(), in, f.limits());
        return new RecordIterator<>(articles, f.pipeline(), records, rejected, log, source -> source);
    }
}

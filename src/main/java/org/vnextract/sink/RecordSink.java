package org.vnextract.sink;

import java.io.Closeable;
import java.io.IOException;
import org.vnextract.record.ArticleRecord;

/** Where records go. Not thread-safe: the batch writes from one thread, in order. */
public interface RecordSink extends Closeable {
    void write(ArticleRecord record) throws IOException;

    /**
     * Makes everything written so far durable and visible. Called once at the end of a successful
     * batch; a sink that is closed without it keeps what it can (see each implementation).
     */
    void commit() throws IOException;
}

package org.vnextract.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.vnextract.Vnextract;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Rejected;
import org.vnextract.internal.Validate;
import org.vnextract.record.ArticleRecord;

/**
 * Runs a {@link Vnextract} over a stream of sources on N worker threads, handing results to the
 * caller in input order. At most {@code 4 × threads} articles are in flight, so memory stays
 * bounded whatever the batch size. An article whose processing throws becomes a {@link Rejected}
 * value naming the exception; the batch goes on.
 *
 * <p>Not thread-safe: one caller runs one batch; the worker threads are internal.
 */
public final class BatchRunner implements AutoCloseable {
    /** What the caller does with each outcome, called on the caller's thread, in input order. */
    public interface Handler {
        void record(RawDocument source, ArticleRecord record) throws Exception;

        void rejected(Rejected rejected) throws Exception;
    }

    private final Vnextract vx;
    private final int threads;
    private final ExecutorService pool;

    public BatchRunner(Vnextract vx, int threads) {
        this.vx = Validate.notNull(vx, "vx");
        this.threads = Validate.positive(threads, "threads");
        AtomicInteger n = new AtomicInteger();
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "vnextract-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private record Outcome(RawDocument doc, ArticleRecord record, Rejected rejected) {}

    public void run(Iterator<IngestResult> sources, Handler handler) throws Exception {
        Deque<Future<Outcome>> window = new ArrayDeque<>();
        int max = threads * 4;
        while (sources.hasNext()) {
            IngestResult r = sources.next();
            if (pool == null) {
                deliver(process(r), handler);
                continue;
            }
            window.add(pool.submit(() -> process(r)));
            while (window.size() >= max || (!window.isEmpty() && window.peek().isDone())) {
                deliver(get(window.poll()), handler);
            }
        }
        while (!window.isEmpty()) {
            deliver(get(window.poll()), handler);
        }
    }

    private Outcome process(IngestResult r) {
        if (r instanceof Rejected rej) {
            return new Outcome(null, null, rej);
        }
        RawDocument doc = (RawDocument) r;
        try {
            return new Outcome(doc, vx.process(doc), null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(doc, null, new Rejected(doc.source(), "internal error: " + e));
        }
    }

    private static Outcome get(Future<Outcome> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("worker failed outside an article", e.getCause());
        }
    }

    private static void deliver(Outcome o, Handler h) throws Exception {
        if (o.rejected() != null) {
            h.rejected(o.rejected());
        } else {
            h.record(o.doc(), o.record());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}

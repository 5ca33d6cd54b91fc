package org.vnextract.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongPredicate;
import org.vnextract.Vnextract;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Rejected;
import org.vnextract.internal.Validate;
import org.vnextract.record.ArticleRecord;

/**
 * Runs the pipeline over a stream of sources on N worker threads and hands each outcome to the
 * caller, in input order or (with {@link Builder#unordered()}) as soon as it is ready. The caller's
 * thread reads the sources and delivers; at most {@code 4 × threads} articles are in flight, so
 * memory stays bounded whatever the batch size.
 *
 * <p>Each input gets a <em>position</em>: its index in the source stream, counting rejected sources
 * too. Positions are stable across runs over the same inputs, which is what resuming relies on: a
 * {@link Builder#skip(LongPredicate) skip} predicate leaves out positions already done.
 *
 * <p>Time limit: an article still running {@link Builder#maxSecondsPerArticle(int) N seconds} after
 * a worker started it is abandoned: it becomes a {@link Rejected} value "took longer than N s", its
 * worker thread is interrupted and left to end on its own (Java cannot stop a thread stuck in a
 * loop), and a fresh worker takes its place, so neither the output order nor the throughput waits
 * for it. Abandoned workers are daemon threads: they never keep the JVM alive. An article whose
 * processing throws becomes a {@link Rejected} value naming the exception; the batch goes on.
 *
 * <p>Not thread-safe: one caller runs one batch at a time; the worker threads are internal.
 */
public final class BatchRunner implements AutoCloseable {
    /** What the caller does with each outcome, called on the caller's thread. */
    public interface Handler {
        void record(long position, RawDocument source, ArticleRecord record) throws Exception;

        void rejected(long position, Rejected rejected) throws Exception;
    }

    /** Counts of one run. */
    public record Summary(long records, long rejected, long timedOut, long skipped) {}

    private final Function<RawDocument, ArticleRecord> work;
    private final int threads;
    private final boolean ordered;
    private final long maxNanos;
    private final int maxSeconds;
    private final LongPredicate skip;
    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Task> finished = new LinkedBlockingQueue<>();
    private final List<Worker> workers = new ArrayList<>();
    private final AtomicInteger workerNames = new AtomicInteger();
    private int abandoned;
    private boolean closed;

    private BatchRunner(Builder b) {
        this.work = b.work;
        this.threads = b.threads;
        this.ordered = b.ordered;
        this.maxSeconds = b.maxSeconds;
        this.maxNanos = b.maxSeconds == 0 ? Long.MAX_VALUE : TimeUnit.SECONDS.toNanos(b.maxSeconds);
        this.skip = b.skip;
        for (int i = 0; i < threads; i++) {
            startWorker();
        }
    }

    /** A runner of {@code vx.process}. */
    public static Builder builder(Vnextract vx) {
        Validate.notNull(vx, "vx");
        return new Builder(vx::process);
    }

    /** A runner of any per-article function (tests use slow or failing ones). */
    public static Builder builder(Function<RawDocument, ArticleRecord> work) {
        return new Builder(Validate.notNull(work, "work"));
    }

    /** Workers given up on because an article ran past the time limit (they may still be running). */
    public int abandonedWorkers() {
        return abandoned;
    }

    /** Processes every source and hands each outcome to {@code handler}; returns the counts. */
    public Summary run(Iterator<? extends IngestResult> sources, Handler handler) throws Exception {
        Validate.notNull(sources, "sources");
        Validate.notNull(handler, "handler");
        if (closed) {
            throw new IllegalStateException("this runner is closed");
        }
        ArrayDeque<Task> window = new ArrayDeque<>();
        int max = threads * 4;
        long position = 0;
        long records = 0;
        long rejected = 0;
        long timedOut = 0;
        long skipped = 0;
        boolean more = true;
        while (true) {
            while (more && window.size() < max) {
                if (!sources.hasNext()) {
                    more = false;
                    break;
                }
                IngestResult r = sources.next();
                long pos = position++;
                if (skip.test(pos)) {
                    skipped++;
                    continue;
                }
                Task t = new Task(pos, r);
                if (r instanceof Rejected rej) {
                    t.claim(rej);
                } else {
                    queue.add(t);
                }
                window.add(t);
            }
            if (window.isEmpty()) {
                break;
            }
            // checked on every round, so that a steady flow of other results (unordered) cannot hide a runaway
            expire(window);
            int delivered = 0;
            Iterator<Task> it = window.iterator();
            while (it.hasNext()) {
                Task t = it.next();
                Object o = t.outcome;
                if (o == null) {
                    if (ordered) {
                        break;
                    }
                    continue;
                }
                it.remove();
                delivered++;
                if (o instanceof Rejected rej) {
                    rejected++;
                    if (t.timedOut) {
                        timedOut++;
                    }
                    handler.rejected(t.position, rej);
                } else {
                    records++;
                    handler.record(t.position, (RawDocument) t.input, (ArticleRecord) o);
                }
            }
            if (delivered > 0) {
                continue;
            }
            // nothing ready: wait for a worker to finish, or for the nearest deadline
            long wait = expire(window);
            if (wait > 0) {
                finished.poll(wait, TimeUnit.NANOSECONDS);
            }
            finished.clear();
        }
        return new Summary(records, rejected, timedOut, skipped);
    }

    /** Abandons the tasks past their deadline; returns the nanoseconds to the nearest other deadline (at most 0.5 s). */
    private long expire(ArrayDeque<Task> window) {
        long now = System.nanoTime();
        long wait = TimeUnit.MILLISECONDS.toNanos(500);
        if (maxNanos == Long.MAX_VALUE) {
            return wait;
        }
        for (Task t : window) {
            long started = t.started;
            if (t.outcome == null && started != 0) {
                long left = started + maxNanos - now;
                if (left <= 0) {
                    timeOut(t);
                    wait = 0;
                } else {
                    wait = Math.min(wait, left);
                }
            }
        }
        return wait;
    }

    private void timeOut(Task t) {
        Worker w = t.worker;
        if (t.claim(new Rejected(((RawDocument) t.input).source(), "took longer than " + maxSeconds + " s"))) {
            t.timedOut = true;
            abandoned++;
            if (w != null) {
                w.abandon();
                workers.remove(w);
            }
            startWorker();
        }
    }

    private void startWorker() {
        Worker w = new Worker();
        Thread th = new Thread(w, "vnextract-worker-" + workerNames.incrementAndGet());
        th.setDaemon(true);
        w.thread = th;
        workers.add(w);
        th.start();
    }

    /** Stops the workers; an article a worker is in the middle of is dropped. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Worker w : workers) {
            w.abandon();
        }
        workers.clear();
        queue.clear();
    }

    /** One input on its way through a worker. Its outcome is set once, by whoever claims it first. */
    private static final class Task {
        final long position;
        final IngestResult input;
        final AtomicBoolean claimed = new AtomicBoolean();
        volatile long started; // System.nanoTime() when a worker took it; 0 before
        volatile Worker worker;
        volatile Object outcome; // ArticleRecord or Rejected; null while running
        volatile boolean timedOut;

        Task(long position, IngestResult input) {
            this.position = position;
            this.input = input;
        }

        boolean claim(Object result) {
            if (claimed.compareAndSet(false, true)) {
                outcome = result;
                return true;
            }
            return false;
        }
    }

    /** A worker thread's loop; it ends when closed or abandoned. */
    private final class Worker implements Runnable {
        volatile Thread thread;
        volatile boolean gone;

        void abandon() {
            gone = true;
            thread.interrupt();
        }

        @Override
        public void run() {
            while (!gone) {
                Task t;
                try {
                    t = queue.poll(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    continue; // abandoned or closed: the loop condition decides
                }
                if (t == null) {
                    continue;
                }
                if (gone) {
                    queue.add(t); // closed between poll and start: hand it back untouched
                    return;
                }
                t.worker = this;
                t.started = System.nanoTime();
                Object result;
                RawDocument doc = (RawDocument) t.input;
                try {
                    result = work.apply(doc);
                } catch (RuntimeException | StackOverflowError e) {
                    result = new Rejected(doc.source(), "internal error: " + e, e);
                }
                Thread.interrupted(); // an interrupt meant for the finished article must not hit the next
                if (t.claim(result)) {
                    finished.add(t);
                }
            }
        }
    }

    /** Configures a {@link BatchRunner}. Not thread-safe. */
    public static final class Builder {
        private final Function<RawDocument, ArticleRecord> work;
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean ordered = true;
        private int maxSeconds = 30;
        private LongPredicate skip = p -> false;

        private Builder(Function<RawDocument, ArticleRecord> work) {
            this.work = work;
        }

        public Builder threads(int n) {
            this.threads = Validate.positive(n, "n");
            return this;
        }

        /** Deliver outcomes as they are ready instead of in input order. */
        public Builder unordered() {
            this.ordered = false;
            return this;
        }

        public Builder ordered(boolean inOrder) {
            this.ordered = inOrder;
            return this;
        }

        /** Abandon an article after this many seconds of processing; 0 means no limit. */
        public Builder maxSecondsPerArticle(int seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("'seconds' must be 0 or more, was " + seconds);
            }
            this.maxSeconds = seconds;
            return this;
        }

        /** Positions to leave out (already done in an earlier run). */
        public Builder skip(LongPredicate done) {
            this.skip = Validate.notNull(done, "done");
            return this;
        }

        public BatchRunner build() {
            return new BatchRunner(this);
        }
    }
}

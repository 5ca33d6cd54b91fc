package org.vnextract.web;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.vnextract.internal.Validate;

/**
 * The executor the JDK HTTP server runs each exchange on. The JDK server reads a request's line
 * and headers on the executor's thread, blocking, before any handler runs; with a fixed pool of N
 * threads, N clients sending their heads a byte at a time held every thread and nobody else was
 * answered. Here:
 *
 * <ul>
 *   <li>every exchange in flight gets a thread of its own, up to {@link WebServer.Limits#maxConnections}:
 *       a slow client holds its own thread, never one another client waits for (the database work is
 *       bounded separately, by the store's pool of connections). Past the cap the exchange is
 *       refused and the JDK server closes that connection at once, rather than queueing it behind
 *       the slow ones;</li>
 *   <li>each phase has a deadline: the head must be read within {@link WebServer.Limits#headTimeout}
 *       of its first byte (a total, so dribbling a byte now and then does not extend it), the
 *       response written within {@link WebServer.Limits#writeTimeout}. At the deadline the thread is
 *       interrupted: the JDK server does its I/O on a blocking {@code SocketChannel}, an
 *       interruptible channel, so the interrupt closes that connection and frees the thread.</li>
 * </ul>
 *
 * <p>Deadlines are kept here rather than through the JDK's {@code sun.net.httpserver.maxReqTime}
 * because that property is read once per JVM (the first server made fixes it for every later one),
 * is not part of the API, and only closes the connection when its one-second timer next runs.
 *
 * <p>Thread-safe.
 */
final class ConnectionPool implements Executor, AutoCloseable {
    /** What an exchange is doing; only {@link #HEAD} and {@link #WRITE} have deadlines. */
    enum Phase { HEAD, HANDLE, WRITE, DONE, EXPIRED }

    private final WebServer.Limits limits;
    private final ThreadPoolExecutor threads;
    private final ScheduledThreadPoolExecutor clock;
    private final ThreadLocal<Exchange> current = new ThreadLocal<>();

    ConnectionPool(WebServer.Limits limits, int coreThreads) {
        this.limits = Validate.notNull(limits, "limits");
        Validate.positive(coreThreads, "coreThreads");
        AtomicInteger n = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(Math.min(coreThreads, limits.maxConnections()), limits.maxConnections(),
                30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "vnextract-web-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.clock = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "vnextract-web-deadlines");
            t.setDaemon(true);
            return t;
        });
        clock.setRemoveOnCancelPolicy(true);
    }

    /** Runs one exchange of the JDK server; throws {@code RejectedExecutionException} past the connection cap. */
    @Override
    public void execute(Runnable exchange) {
        threads.execute(new Exchange(Validate.notNull(exchange, "exchange")));
    }

    /**
     * Called by the handler on the exchange's thread when it moves to another phase.
     * @return false when the exchange has already run past its deadline (its connection is closed)
     */
    boolean enter(Phase phase) {
        Exchange e = current.get();
        return e == null || e.enter(phase);
    }

    @Override
    public void close() {
        threads.shutdown();
        clock.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One exchange on its thread, with the deadline of its current phase. */
    private final class Exchange implements Runnable {
        private final Runnable task;
        private Thread thread; // guarded by this
        private Phase phase = Phase.HEAD; // guarded by this
        private ScheduledFuture<?> deadline; // guarded by this

        Exchange(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            synchronized (this) {
                thread = Thread.currentThread();
                deadline = schedule(Phase.HEAD, limits.headTimeout());
            }
            current.set(this);
            try {
                task.run();
            } finally {
                current.remove();
                synchronized (this) {
                    phase = Phase.DONE;
                    cancel();
                }
                // an interrupt that came after the exchange's last I/O must not reach the next one
                Thread.interrupted();
            }
        }

        synchronized boolean enter(Phase next) {
            if (phase == Phase.EXPIRED) {
                return false;
            }
            cancel();
            phase = next;
            if (next == Phase.WRITE) {
                deadline = schedule(Phase.WRITE, limits.writeTimeout());
            }
            return true;
        }

        private ScheduledFuture<?> schedule(Phase p, Duration after) {
            return clock.schedule(() -> expire(p), after.toMillis(), TimeUnit.MILLISECONDS);
        }

        private synchronized void expire(Phase p) {
            if (phase == p) {
                phase = Phase.EXPIRED;
                thread.interrupt();
            }
        }

        private void cancel() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }
    }
}

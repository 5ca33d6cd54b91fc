package org.vnextract.batch;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a batch on standard error: a live bar (articles done/total, rate, ETA; me.tongfei
 * progressbar) when a person is watching a terminal, or one plain line every few seconds when
 * standard error goes to a log, so logs stay readable. The total may be unknown at first and
 * given later ({@link #total(long)}), when a background count of the inputs ends.
 *
 * <p>Thread-safe: {@link #step()} is called by the delivering thread, {@link #total(long)} by the
 * counting thread, the plain lines are printed by a timer thread.
 */
public final class Progress implements AutoCloseable {
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong(-1);
    private final long initial;
    private final long startNanos = System.nanoTime();
    private final ProgressBar bar;
    private final Thread ticker;
    private final PrintWriter err;

    private Progress(PrintWriter err, ProgressBar bar, long intervalMillis, long initial) {
        this.err = err;
        this.bar = bar;
        this.initial = initial;
        if (err != null && bar == null) {
            ticker = new Thread(() -> tick(intervalMillis), "vnextract-progress");
            ticker.setDaemon(true);
            ticker.start();
        } else {
            ticker = null;
        }
    }

    /** No progress output (for {@code -q}, and for library callers). */
    public static Progress none() {
        return new Progress(null, null, 0, 0);
    }

    /**
     * Progress on {@code err}: a bar on a terminal, else a line every {@code intervalMillis}.
     *
     * @param initial articles done by earlier runs (a resumed batch)
     */
    public static Progress start(PrintWriter err, boolean terminal, long intervalMillis, long initial) {
        if (terminal) {
            ProgressBar bar = new ProgressBarBuilder()
                    .setTaskName("vnextract")
                    .setInitialMax(-1)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUpdateIntervalMillis(500)
                    .setUnit(" art", 1)
                    .showSpeed()
                    .startsFrom(initial, Duration.ZERO)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build();
            return new Progress(err, bar, intervalMillis, initial);
        }
        return new Progress(err, null, intervalMillis, initial);
    }

    /** Whether standard error is (probably) a terminal a person watches. */
    public static boolean stderrIsTerminal() {
        return System.console() != null;
    }

    public void step() {
        done.incrementAndGet();
        if (bar != null) {
            bar.step();
        }
    }

    /** The total number of articles, including those done by earlier runs, once known. */
    public void total(long n) {
        total.set(n);
        if (bar != null) {
            bar.maxHint(n);
        }
    }

    /** The plain line for the current state. */
    String line() {
        long d = done.get();
        long all = initial + d;
        long t = total.get();
        double secs = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        double rate = d / secs;
        StringBuilder sb = new StringBuilder("vnextract: ").append(all);
        if (t > 0) {
            sb.append(" of ").append(t).append(" articles (").append(Math.min(100, all * 100 / t)).append("%)");
        } else {
            sb.append(" articles");
        }
        sb.append(String.format(java.util.Locale.ROOT, ", %.1f/s", rate));
        if (t > 0 && rate > 0 && t > all) {
            long left = (long) ((t - all) / rate);
            sb.append(String.format(java.util.Locale.ROOT, ", about %d:%02d:%02d left", left / 3600, left / 60 % 60, left % 60));
        }
        return sb.toString();
    }

    private void tick(long intervalMillis) {
        while (true) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return; // closed
            }
            synchronized (err) {
                err.println(line());
                err.flush();
            }
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
        if (ticker != null) {
            ticker.interrupt();
        }
    }
}

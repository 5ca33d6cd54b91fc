package org.vnextract.hardening;

import static org.assertj.core.api.Assertions.fail;

import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A linear-time check that needs no wall-clock threshold: the work on one input of
 * {@code factor × n} units is timed against the same work on {@code factor} inputs of {@code n}
 * units, in the same run. Linear code takes about as long for both; code quadratic in the input
 * takes {@code factor} times longer for the big one. The check allows {@code slack} (default 5,
 * well under the default factor 20), takes the best of several timings, and re-measures before it
 * fails, so a busy machine does not fail it but a quadratic path always does.
 *
 * <p>For the extractors too: {@code LinearTime.assertLinear("documents", HostileText::mixed, t -> extractor.run(t))}.
 *
 * <p>Not thread-safe; call from one test thread.
 */
public final class LinearTime {
    public static final int SMALL = 50 * 1024;
    public static final int FACTOR = 20;
    public static final double SLACK = 5;
    private static final int ATTEMPTS = 3;

    private LinearTime() {}

    /** The measured times, for messages. */
    public record Timing(long baselineNanos, long bigNanos) {
        double ratio() {
            return (double) bigNanos / Math.max(1, baselineNanos);
        }
    }

    /** {@link #assertLinear(String, IntFunction, Consumer, int, int, double)} with 50 KB × 20 = 1 MB and slack 5. */
    public static <T> Timing assertLinear(String what, IntFunction<T> input, Consumer<T> work) {
        return assertLinear(what, input, work, SMALL, FACTOR, SLACK);
    }

    /**
     * Fails unless {@code work} on {@code input.apply(small * factor)} takes at most {@code slack}
     * times as long as {@code factor} runs on {@code input.apply(small)}.
     *
     * @param input makes an input of about the given size (characters, bytes: the unit is the caller's)
     */
    public static <T> Timing assertLinear(String what, IntFunction<T> input, Consumer<T> work, int small, int factor,
                                          double slack) {
        T s = input.apply(small);
        T b = input.apply(small * factor);
        // warm up: let the JIT compile the paths both sizes take
        for (int i = 0; i < 3; i++) {
            work.accept(s);
        }
        work.accept(b);
        Timing last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long base = Long.MAX_VALUE;
            for (int r = 0; r < 3; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < factor; i++) {
                    work.accept(s);
                }
                base = Math.min(base, System.nanoTime() - t0);
            }
            long big = Long.MAX_VALUE;
            for (int r = 0; r < 2; r++) {
                long t0 = System.nanoTime();
                work.accept(b);
                big = Math.min(big, System.nanoTime() - t0);
            }
            last = new Timing(base, big);
            if (big <= slack * base) {
                return last;
            }
        }
        fail("%s is not linear: one input of %d units took %.1f ms, %d inputs of %d units took %.1f ms (%.1fx, allowed %.1fx)",
                what, small * factor, last.bigNanos() / 1e6, factor, small, last.baselineNanos() / 1e6, last.ratio(), slack);
        return last;
    }
}

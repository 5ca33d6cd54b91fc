package org.vnextract.extract.counts;

import java.util.Arrays;
import java.util.List;
import org.vnextract.extract.Mention;

/**
 * The character ranges of some mentions, sorted and merged once, so that whether an offset lies in
 * one of them is a binary search: the dates and periods the counts extractor leaves alone.
 *
 * <p>Immutable; thread-safe.
 */
final class Spans {
    private final int[] starts;
    private final int[] ends;

    private Spans(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    static Spans of(List<Mention> mentions) {
        Mention[] m = mentions.toArray(new Mention[0]);
        Arrays.sort(m, (a, b) -> Integer.compare(a.start(), b.start()));
        int[] starts = new int[m.length];
        int[] ends = new int[m.length];
        int n = 0;
        for (Mention x : m) {
            if (n > 0 && x.start() <= ends[n - 1]) {
                ends[n - 1] = Math.max(ends[n - 1], x.end());
            } else {
                starts[n] = x.start();
                ends[n] = x.end();
                n++;
            }
        }
        return new Spans(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /** Whether {@code offset} lies in one of the ranges. */
    boolean contains(int offset) {
        int k = Arrays.binarySearch(starts, offset);
        if (k >= 0) {
            return true;
        }
        int before = -k - 2; // the last range starting before the offset
        return before >= 0 && offset < ends[before];
    }
}

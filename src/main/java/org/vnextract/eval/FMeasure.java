package org.vnextract.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Precision, recall and F1 from micro-averaged counts (OpenNLP's {@code FMeasure}). Values are
 * rounded exactly as {@code ../shared/tools/score.py} rounds them (Python's {@code round(x, 4)}:
 * half-even on the exact binary value), so the two print the same figures.
 *
 * @param truePositives items in both gold and prediction
 * @param gold          items in gold
 * @param predicted     items predicted
 */
public record FMeasure(int truePositives, int gold, int predicted) {
    public double precision() {
        return predicted == 0 ? 0.0 : (double) truePositives / predicted;
    }

    public double recall() {
        return gold == 0 ? 0.0 : (double) truePositives / gold;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    public FMeasure plus(FMeasure o) {
        return new FMeasure(truePositives + o.truePositives, gold + o.gold, predicted + o.predicted);
    }

    /** Python's {@code round(x, digits)} for a float. */
    static double round(double x, int digits) {
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Python's {@code f"{x:6.3f}"}: the exact binary value rounded half-even, right-aligned in 6. */
    static String format63(double x) {
        String s = new BigDecimal(x).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
        return " ".repeat(Math.max(0, 6 - s.length())) + s;
    }
}

package org.vnextract.hardening;

/**
 * Text built to break rules: long runs of digits, hyphens, slashes, dots, capitals, initials,
 * "số", "đồng chí", document-number look-alikes, unbalanced quotes and brackets, between ordinary
 * Vietnamese words. Each run grows with the size asked for, so a rule that is quadratic in a run's
 * length shows it. Deterministic: the same size gives the same text.
 *
 * <p>Stateless; thread-safe.
 */
public final class HostileText {
    private HostileText() {}

    /** The pieces, each repeated to fill its share of the text. */
    static final String[] RUNS = {
        "1234567890",
        "-",
        "/",
        ".",
        "ĐẢNGCỘNGSẢNVIỆTNAM",
        "A.B.",
        "số ",
        "đồng chí ",
        "Số 21-KL/TW-",
        "“",
        "\"(",
        "4.595.",
        "224/274/",
        "ngày 20-7-",
        "Nguyễn Văn ",
        "TP. ",
        "…",
        "''",
    };

    /** About {@code chars} characters of hostile runs in one line (a "1 MB line" at 1 MB). */
    public static String line(int chars) {
        return build(chars, false);
    }

    /** About {@code chars} characters of hostile runs, with a line break between runs. */
    public static String lines(int chars) {
        return build(chars, true);
    }

    private static String build(int chars, boolean breaks) {
        StringBuilder sb = new StringBuilder(chars + 64);
        int share = Math.max(1, chars / (RUNS.length + 1));
        int k = 0;
        while (sb.length() < chars) {
            String run = RUNS[k % RUNS.length];
            int end = Math.min(chars, sb.length() + share);
            while (sb.length() < end) {
                sb.append(run);
            }
            sb.append(breaks ? "\n" : " ");
            sb.append("Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, dự hội nghị.").append(breaks ? "\n" : " ");
            k++;
        }
        return sb.toString();
    }
}

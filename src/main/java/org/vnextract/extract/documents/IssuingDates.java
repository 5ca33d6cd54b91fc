package org.vnextract.extract.documents;

import org.vnextract.extract.TokenView;
import org.vnextract.text.Fold;

/**
 * Reads a full issuing date at a token: "28-6-2021", "16/6/2022", "1.12.2021", or
 * "20 tháng 12 năm 2021". A document's date needs its year, so "ngày 16/6" gives none. Looks at
 * no more than six tokens.
 *
 * <p>Stateless; thread-safe.
 */
final class IssuingDates {
    private static final String THANG = Fold.fold("tháng");
    private static final String NAM = Fold.fold("năm");

    private IssuingDates() {}

    /** An ISO date and the index of the token after it. */
    record DateAt(String iso, int end) {}

    /** The date written from token {@code i} on, or null. */
    static DateAt read(TokenView v, int i) {
        if (i < 0 || i >= v.size() || !v.startsWithDigit(i)) {
            return null;
        }
        String s = v.text().substring(v.start(i), v.end(i));
        int[] p = new int[3];
        int n = 0;
        int cur = -1;
        char sep = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c >= '0' && c <= '9') {
                cur = (cur < 0 ? 0 : cur) * 10 + (c - '0');
                if (cur > 9999) {
                    return null;
                }
            } else if ((c == '-' || c == '/' || c == '.') && cur >= 0 && n < 2 && (sep == 0 || sep == c)) {
                sep = c;
                p[n++] = cur;
                cur = -1;
            } else {
                return null;
            }
        }
        if (cur < 0) {
            return null;
        }
        p[n++] = cur;
        if (n == 3) {
            return valid(p[0], p[1], p[2]) ? new DateAt(iso(p[0], p[1], p[2]), i + 1) : null;
        }
        if (n == 1) {
            // "20 tháng 12 năm 2021", "20 tháng 12, năm 2021"
            int j = i + 1;
            if (!v.is(j, THANG) || j + 1 >= v.size() || !v.startsWithDigit(j + 1)) {
                return null;
            }
            int month = plain(v, j + 1);
            int k = j + 2;
            if (v.isChar(k, ',')) {
                k++;
            }
            if (!v.is(k, NAM) || k + 1 >= v.size() || !v.startsWithDigit(k + 1)) {
                return null;
            }
            int year = plain(v, k + 1);
            return valid(p[0], month, year) ? new DateAt(iso(p[0], month, year), k + 2) : null;
        }
        return null;
    }

    private static int plain(TokenView v, int i) {
        int x = 0;
        for (int k = v.start(i); k < v.end(i); k++) {
            char c = v.text().charAt(k);
            if (c < '0' || c > '9' || x > 9999) {
                return -1;
            }
            x = x * 10 + (c - '0');
        }
        return x;
    }

    static boolean valid(int d, int m, int y) {
        if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) {
            return false;
        }
        return d <= java.time.YearMonth.of(y, m).lengthOfMonth();
    }

    private static String iso(int d, int m, int y) {
        return String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", y, m, d);
    }
}

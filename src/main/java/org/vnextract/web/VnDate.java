package org.vnextract.web;

/**
 * Dates as Vietnamese readers write them: day/month/year without leading zeros ("20/5/2016"),
 * "5/2016" for a month, the year alone for a year; from the ISO-8601 strings of the store
 * ("2016-05-20T11:13:00+07:00", "2016-05-20", "2016-05", "2016"). Anything else is returned as
 * given, so nothing is hidden. Stateless, thread-safe.
 */
final class VnDate {
    private VnDate() {}

    static String format(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        String s = iso.strip();
        if (s.length() >= 4 && digits(s, 0, 4)) {
            String y = s.substring(0, 4);
            if (s.length() >= 7 && s.charAt(4) == '-' && digits(s, 5, 7)) {
                int m = Integer.parseInt(s.substring(5, 7));
                if (s.length() >= 10 && s.charAt(7) == '-' && digits(s, 8, 10)) {
                    int d = Integer.parseInt(s.substring(8, 10));
                    return d + "/" + m + "/" + y;
                }
                if (s.length() == 7) {
                    return m + "/" + y;
                }
            } else if (s.length() == 4) {
                return y;
            }
        }
        return s;
    }

    /** The date with the time of day when the store has one ("20/5/2016, 11:13"). */
    static String withTime(String iso) {
        String d = format(iso);
        if (d == null || iso.length() < 16 || iso.charAt(10) != 'T' || !digits(iso, 11, 13) || !digits(iso, 14, 16)) {
            return d;
        }
        return d + ", " + iso.substring(11, 16);
    }

    private static boolean digits(String s, int from, int to) {
        if (s.length() < to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

package org.vnextract.extract.places;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;

/**
 * The outlet-to-province table ({@code models/places/outlets.tsv}): a province's party newspaper,
 * radio-television and portals, any host under one of their domains included
 * ("xasontan.sontay.quangngai.gov.vn" is Quảng Ngãi's).
 *
 * <p>Thread-safe: the table is read only after construction; the outlet of each host asked is kept
 * (a bounded concurrent map, the same value whichever thread computes it first).
 */
public final class Outlets {
    /** One row: the outlet's domain, kind, and province (pre-reform name and GSO code). */
    public record Outlet(String domain, String kind, String province, String code) {}

    private final Map<String, Outlet> byDomain = new HashMap<>();
    /** Host → its outlet, or {@link #NONE}: a corpus has few hosts, each asked for every article. */
    private final Map<String, Outlet> byHost = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_HOSTS = 4096;
    private static final Outlet NONE = new Outlet("", "", "", "");

    public Outlets(ModelSource models) {
        Validate.notNull(models, "models");
        for (String l : models.lines("places/outlets.tsv")) {
            String[] f = l.split("\t", -1);
            if (f.length < 4) {
                throw new IllegalArgumentException("places/outlets.tsv: fewer than four columns: " + l);
            }
            byDomain.put(f[0].toLowerCase(Locale.ROOT), new Outlet(f[0], f[1], f[2], f[3]));
        }
    }

    public Map<String, Outlet> all() {
        return Map.copyOf(byDomain);
    }

    /** The outlet of an address (a URL or a bare host), or null for a national paper, an aggregator or no address. */
    public Outlet of(String address) {
        String host = host(address);
        if (host == null || host.isEmpty()) {
            return null;
        }
        Outlet known = byHost.get(host);
        if (known == null) {
            known = ofHost(host);
            if (byHost.size() < MAX_HOSTS) {
                byHost.put(host, known == null ? NONE : known);
            }
        } else if (known == NONE) {
            known = null;
        }
        return known;
    }

    private Outlet ofHost(String host) {
        while (host != null && !host.isEmpty()) {
            Outlet o = byDomain.get(host);
            if (o != null) {
                return o;
            }
            int dot = host.indexOf('.');
            host = dot < 0 ? null : host.substring(dot + 1);
        }
        return null;
    }

    private static String host(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String a = address.strip();
        String h;
        int scheme = a.indexOf("://");
        if (scheme >= 0) {
            // the authority by hand: URI.create costs more than the whole rest of the lookup, and throws on
            // addresses that browsers accept (spaces, unescaped Vietnamese in the path)
            int s = scheme + 3;
            int end = s;
            while (end < a.length() && "/?#".indexOf(a.charAt(end)) < 0) {
                end++;
            }
            h = a.substring(s, end);
            int at = h.lastIndexOf('@');
            if (at >= 0) {
                h = h.substring(at + 1);
            }
            int colon = h.indexOf(':');
            if (colon >= 0) {
                h = h.substring(0, colon);
            }
            if (h.isEmpty()) {
                return null;
            }
        } else if (a.indexOf('/') < 0 && a.indexOf('.') > 0) {
            h = a;
        } else {
            return null;
        }
        h = h.toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }
}

package org.vnextract.extract.places;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;

/**
 * The outlet-to-province table ({@code models/places/outlets.tsv}): a province's party newspaper,
 * radio-television and portals, any host under one of their domains included
 * ("xasontan.sontay.quangngai.gov.vn" is Quảng Ngãi's); a site outside the table whose host names one
 * province's district or the province itself ({@code host_labels.tsv}: "c0binhminh.vinhthuan.edu.vn" is
 * a Kiên Giang school's) is a local outlet of kind {@code local-site}.
 *
 * <p>Thread-safe: the table is read only after construction; the outlet of each host asked is kept
 * (a bounded concurrent map, the same value whichever thread computes it first).
 */
public final class Outlets {
    /** One row: the outlet's domain, kind, and province (pre-reform name and GSO code). */
    public record Outlet(String domain, String kind, String province, String code) {}

    /** The kind of an outlet found by a label of its host rather than by the table. */
    public static final String LOCAL_SITE = "local-site";
    private static final int MIN_LABEL = 6;

    private final Map<String, Outlet> byDomain = new HashMap<>();
    /** A host label naming one province's unit → that province (pre-reform name and code). */
    private final Map<String, Outlet> byLabel = new HashMap<>();
    private final List<String> prefixes = new ArrayList<>();
    private final Set<String> suffixes = new HashSet<>();
    /** Host → its outlet, or {@link #NONE}: a corpus has few hosts, each asked for every article. */
    private final Map<String, Outlet> byHost = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_HOSTS = 4096;
    private static final Outlet NONE = new Outlet("", "", "", "");

    /**
     * @param models    where outlets.tsv and host_labels.tsv are read
     * @param gazetteer the units whose names a host's labels may carry (its pre-reform provinces and districts)
     */
    public Outlets(ModelSource models, Gazetteer gazetteer) {
        Validate.notNull(models, "models");
        Validate.notNull(gazetteer, "gazetteer");
        for (String l : models.lines("places/outlets.tsv")) {
            String[] f = l.split("\t", -1);
            if (f.length < 4) {
                throw new IllegalArgumentException("places/outlets.tsv: fewer than four columns: " + l);
            }
            byDomain.put(f[0].toLowerCase(Locale.ROOT), new Outlet(f[0], f[1], f[2], f[3]));
        }
        for (String l : models.lines("places/host_labels.tsv")) {
            String[] f = l.split("\t", -1);
            if (f.length != 2 || !(f[0].equals("prefix") || f[0].equals("suffix"))) {
                throw new IllegalArgumentException("places/host_labels.tsv: not 'prefix|suffix <TAB> label': " + l);
            }
            (f[0].equals("prefix") ? prefixes : suffixes).add(Gazetteer.key(f[1]));
        }
        prefixes.sort((a, b) -> b.length() - a.length()); // the longest prefix first: "pgddt" before "pgd"
        // a name as a host writes it is its gazetteer key: lower-case letters and digits ("Thủ Đức" → "thuduc")
        Map<String, Outlet> provinces = new HashMap<>();
        for (Unit p : gazetteer.units("pre", "province")) {
            Outlet o = new Outlet("", LOCAL_SITE, p.name(), p.code());
            provinces.put(p.code(), o);
            byLabel.put(Gazetteer.key(p.name()), o);
        }
        Map<String, Set<String>> districtProvinces = new HashMap<>();
        for (Unit d : gazetteer.units("pre", "district")) {
            districtProvinces.computeIfAbsent(Gazetteer.key(d.name()), k -> new HashSet<>()).add(d.province());
        }
        for (Map.Entry<String, Set<String>> d : districtProvinces.entrySet()) {
            if (d.getValue().size() != 1 || d.getKey().length() < MIN_LABEL) {
                continue; // "Sơn Tây" is a district of Hà Nội and of Quảng Ngãi: no evidence
            }
            Outlet province = provinces.get(d.getValue().iterator().next());
            if (province != null) {
                byLabel.putIfAbsent(d.getKey(), province); // a province's own name wins
            }
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

    private Outlet ofHost(String whole) {
        String host = whole;
        while (host != null && !host.isEmpty()) {
            Outlet o = byDomain.get(host);
            if (o != null) {
                return o;
            }
            int dot = host.indexOf('.');
            host = dot < 0 ? null : host.substring(dot + 1);
        }
        return byHostLabel(whole);
    }

    /** The local site a label of the host names, nearest the domain first, or null. */
    private Outlet byHostLabel(String host) {
        if (host == null) {
            return null;
        }
        String[] labels = host.split("\\.");
        int last = labels.length - 1;
        while (last >= 0 && suffixes.contains(labels[last])) {
            last--;
        }
        for (int i = last; i >= 0; i--) {
            Outlet o = unitOf(labels[i]);
            if (o != null) {
                return new Outlet(host, LOCAL_SITE, o.province(), o.code());
            }
        }
        return null;
    }

    private Outlet unitOf(String label) {
        Outlet o = byLabel.get(label);
        if (o != null) {
            return o;
        }
        for (String p : prefixes) {
            if (label.length() > p.length() && label.startsWith(p)) {
                return byLabel.get(label.substring(p.length()));
            }
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

package org.vnextract.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vnextract.extract.places.Gazetteer;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.record.ArticleRecord;
import org.vnextract.text.Fold;

/**
 * The scope that makes a document's symbol, or an official's name, unique across the archive.
 *
 * <p>A local issuer (TU, HU, ĐU …, NQ-HĐND, QĐ-UBND: {@code models/places/local_issuers.txt})
 * numbers its documents on its own: Gia Lai's 02-NQ/TU is not Nghệ An's. Its scope is the province,
 * taken from the document's own {@code place} (RECORD.md), else the unit the issuer's words name
 * ("Tỉnh ủy Gia Lai"), else the article's {@code place}, else the outlet's province
 * ({@code models/places/outlets.tsv}); a district or commune the issuer's words name ("Huyện ủy Chư
 * Prông") narrows it. A central issuer (TW, CP, TTg, QH, ministries) has one global scope. A symbol
 * with no issuer, or a local one whose province nothing tells, is unscoped ({@link #UNSCOPED}): it
 * never merges with a scoped document.
 *
 * <p>An official's scope: the province a title names, else (for a local title) the article's place or
 * outlet, else {@link #NATIONAL} for a central title (Tổng Bí thư, Ủy viên Bộ Chính trị …), else unknown ("").
 *
 * <p>A province is known by its standard name in the places gazetteer ({@code models/places/units.tsv},
 * {@code aliases.tsv}): found by its GSO code when the record gives one (the document's or the article's
 * {@code place.code}), else by its written name ("TP.HCM", "Thừa Thiên - Huế" → Hồ Chí Minh, Thừa Thiên
 * Huế), so that the issuer's words, the article's place and the outlet name one province alike.
 *
 * <p>Scope keys are for matching only (no case, diacritics or spaces: {@link #placeKey}); the
 * readable place goes with them.
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class Scopes {
    /** The scope key of a local document whose place nothing tells. */
    public static final String UNSCOPED = "?";
    /** The person-scope key of a central official. */
    public static final String NATIONAL = "tw";

    /** A document's scope: {@code key} "" (central), {@link #UNSCOPED}, "gialai" or "gialai/chuprong". */
    public record DocScope(String level, String key, String place) {}

    /** An official's scope: {@code key} "" (unknown), {@link #NATIONAL} or a province key, and its readable place. */
    public record PersonScope(String key, String place) {}

    private record Head(List<String> words, String level) {}

    private final Set<String> localIssuers = new HashSet<>();
    private final Map<String, String> levels = new HashMap<>();
    private final List<Head> heads = new ArrayList<>();
    private final Set<String> centralCities = new HashSet<>();
    private final Map<String, String> outlets = new HashMap<>(); // domain → province name
    private final List<List<String>> centralTitles = new ArrayList<>();
    private final List<List<String>> localTitles = new ArrayList<>();
    private final Gazetteer gazetteer;

    public Scopes(ModelSource models) {
        Validate.notNull(models, "models");
        gazetteer = new Gazetteer(models);
        for (String l : models.lines("places/local_issuers.txt")) {
            localIssuers.add(DocumentKey.upper(l.strip()));
        }
        for (String l : models.lines("store/issuer_levels.tsv")) {
            String[] c = l.split("\t");
            levels.put(DocumentKey.upper(c[0]), c[1].strip());
        }
        for (String l : models.lines("store/unit_heads.tsv")) {
            String[] c = l.split("\t");
            heads.add(new Head(words(c[0]), c[1].strip()));
        }
        // longest heads first: "thành phố" before "thành"-less "phố", "thị xã ủy" before "thị xã"
        heads.sort((a, b) -> Integer.compare(b.words().size(), a.words().size()));
        for (String l : models.lines("store/central_cities.txt")) {
            centralCities.add(placeKey(l));
        }
        for (String l : models.lines("places/outlets.tsv")) {
            String[] c = l.split("\t");
            if (c.length >= 3) {
                outlets.put(c[0].strip().toLowerCase(Locale.ROOT), c[2].strip());
            }
        }
        for (String l : models.lines("store/central_titles.txt")) {
            centralTitles.add(words(l));
        }
        for (String l : models.lines("store/local_titles.txt")) {
            localTitles.add(words(l));
        }
    }

    /** Whether a symbol's issuer code is a local body's (TU, HU, HĐND …). */
    public boolean isLocal(String issuerCode) {
        return issuerCode != null && localIssuers.contains(DocumentKey.upper(issuerCode));
    }

    /**
     * The scope of a document of a record.
     *
     * @param parts the parsed symbol
     * @param doc   the document as the record gives it (its issuer words and place), or null
     * @param r     the record (its place and outlet), or null
     */
    public DocScope document(DocumentKey.Parts parts, ArticleRecord.Document doc, ArticleRecord r) {
        Validate.notNull(parts, "parts");
        String code = parts.issuer();
        if (code.isEmpty() && doc != null && doc.issuerCode() != null && !doc.issuerCode().isBlank()) {
            code = DocumentKey.upper(doc.issuerCode());
        }
        int dash = code.indexOf('-');
        if (!isLocal(code) && dash > 0 && isLocal(code.substring(0, dash))) {
            code = code.substring(0, dash); // 146/UBND-KTTH: a local body's letter, its department after the body
        }
        if (code.isEmpty()) {
            return new DocScope(null, UNSCOPED, null);
        }
        if (!isLocal(code)) {
            return new DocScope("central", "", null);
        }
        String level = levels.getOrDefault(code, "province");
        Unit named = doc == null ? null : unit(doc.issuer());
        String province = null;
        String sub = null;
        if (named != null) {
            if (named.level().equals("province")) {
                province = province(named.name(), null);
            } else {
                sub = named.name();
            }
            level = named.level();
        }
        if (doc != null && doc.place() != null && doc.place().name() != null && !doc.place().name().isBlank()) {
            province = province(doc.place().name(), doc.place().code());
        }
        if (province == null) {
            province = articleProvince(r);
        }
        String key = (province == null ? UNSCOPED : placeKey(province)) + (sub == null ? "" : "/" + placeKey(sub));
        String place = sub == null ? province : province == null ? sub : sub + ", " + province;
        return new DocScope(level, key, place);
    }

    /** The issuing level of a symbol's issuer code alone: central, or a local body's usual level, or null. */
    public String level(String issuerCode) {
        if (issuerCode == null || issuerCode.isEmpty()) {
            return null;
        }
        return isLocal(issuerCode) ? levels.getOrDefault(DocumentKey.upper(issuerCode), "province") : "central";
    }

    /** The scope of an official, from their titles and the record. */
    public PersonScope person(List<String> titles, ArticleRecord r) {
        List<String> ts = titles == null ? List.of() : titles;
        Set<String> named = new LinkedHashSet<>();
        boolean local = false;
        boolean central = false;
        for (String t : ts) {
            if (t == null) {
                continue;
            }
            Unit u = unit(t);
            if (u != null && u.level().equals("province")) {
                named.add(province(u.name(), null));
            }
            List<String> w = words(t);
            local |= containsAny(w, localTitles);
            central |= containsAny(w, centralTitles);
        }
        String article = articleProvince(r);
        if (!named.isEmpty()) {
            String p = article != null && named.stream().anyMatch(n -> placeKey(n).equals(placeKey(article)))
                    ? article : named.iterator().next();
            return new PersonScope(placeKey(p), p);
        }
        if (local) {
            return article == null ? new PersonScope("", null) : new PersonScope(placeKey(article), article);
        }
        if (central) {
            return new PersonScope(NATIONAL, "Trung ương");
        }
        return new PersonScope("", null);
    }

    /** The article's province: its {@code place}, else its outlet's province, else null. */
    public String articleProvince(ArticleRecord r) {
        if (r == null) {
            return null;
        }
        if (r.place() != null && (r.place().code() != null || r.place().name() != null && !r.place().name().isBlank())) {
            String p = province(r.place().name(), r.place().code());
            if (p != null) {
                return p;
            }
        }
        return r.source() == null ? null : province(outletProvince(r.source().site(), r.source().uri()), null);
    }

    /**
     * A province's standard name: the gazetteer's province with this GSO code (of the units before
     * July 2025, else after), else the one province written {@code name} (an alias counts), else
     * {@code name} as written (stripped); null when neither is given.
     */
    public String province(String name, String code) {
        if (code != null && !code.isBlank()) {
            org.vnextract.extract.places.Unit u = gazetteer.unit("pre", "province", code.strip());
            if (u == null) {
                u = gazetteer.unit("post", "province", code.strip());
            }
            if (u != null) {
                return u.name();
            }
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (org.vnextract.extract.places.Unit u : gazetteer.lookup(Gazetteer.key(name))) {
            if (u.isProvince() && u.code() != null) {
                // an alias ("Thừa Thiên - Huế", "TP.HCM") stands for the unit with its code
                org.vnextract.extract.places.Unit coded = gazetteer.unit(u.era() == null ? "pre" : u.era(), "province", u.code());
                names.add(coded != null ? coded.name() : u.name());
            }
        }
        return names.size() == 1 ? names.iterator().next() : name.strip();
    }

    /** The province of an outlet (a host under one of the listed domains), or null. */
    public String outletProvince(String site, String uri) {
        String host = site;
        if ((host == null || host.isBlank()) && uri != null) {
            int s = uri.indexOf("://");
            if (s >= 0) {
                int e = uri.indexOf('/', s + 3);
                host = uri.substring(s + 3, e < 0 ? uri.length() : e);
            }
        }
        if (host == null || host.isBlank()) {
            return null;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        int colon = h.indexOf(':');
        if (colon >= 0) {
            h = h.substring(0, colon);
        }
        while (true) {
            String p = outlets.get(h);
            if (p != null) {
                return p;
            }
            int dot = h.indexOf('.');
            if (dot < 0 || h.indexOf('.', dot + 1) < 0) {
                return null;
            }
            h = h.substring(dot + 1);
        }
    }

    record Unit(String name, String level) {}

    /** The last unit a text names after a head word ("Ban Thường vụ Huyện ủy Chư Prông" → Chư Prông, district). */
    Unit unit(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] raw = Normalizer.normalize(text, Normalizer.Form.NFC).strip().split("[\\s\u00A0]+");
        List<String> folded = new ArrayList<>(raw.length);
        for (String w : raw) {
            folded.add(Fold.fold(w));
        }
        Unit found = null;
        for (int i = 0; i < raw.length; i++) {
            for (Head h : heads) {
                int n = h.words().size();
                if (i + n > raw.length || !folded.subList(i, i + n).equals(h.words())) {
                    continue;
                }
                String name = name(raw, i + n);
                if (name != null) {
                    String level = h.level();
                    if (level.equals("city")) {
                        String city = province(name, null); // "TP.HCM" → Hồ Chí Minh
                        level = centralCities.contains(placeKey(city)) ? "province" : "district";
                        name = level.equals("province") ? city : name;
                    }
                    found = new Unit(name, level);
                }
                break;
            }
        }
        return found;
    }

    /** The capitalised words from {@code from} (at most four), or null. */
    private static String name(String[] raw, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < raw.length && out.size() < 4; i++) {
            String w = strip(raw[i]);
            if ((raw[i].equals("-") || raw[i].equals("\u2013")) && !out.isEmpty() && i + 1 < raw.length) {
                out.add("-"); // "Thừa Thiên - Huế"
                continue;
            }
            if (w.isEmpty() || !Character.isUpperCase(w.codePointAt(0)) || isRoman(w)) {
                break;
            }
            String f = Fold.fold(w);
            if (f.equals(Fold.fold("khóa")) || f.equals(Fold.fold("lần"))) {
                break;
            }
            out.add(w);
            if (!w.equals(raw[i].strip())) {
                break; // punctuation after the word ends the name ("Gia Lai,")
            }
        }
        if (!out.isEmpty() && out.get(out.size() - 1).equals("-")) {
            out.remove(out.size() - 1);
        }
        return out.isEmpty() ? null : String.join(" ", out);
    }

    private static String strip(String w) {
        int a = 0;
        int b = w.length();
        while (a < b && !Character.isLetterOrDigit(w.charAt(a))) {
            a++;
        }
        while (b > a && !Character.isLetterOrDigit(w.charAt(b - 1))) {
            b--;
        }
        return w.substring(a, b);
    }

    private static boolean isRoman(String w) {
        return w.chars().allMatch(c -> "IVXLCDM".indexOf(c) >= 0);
    }

    private static List<String> words(String phrase) {
        List<String> out = new ArrayList<>();
        for (String w : Normalizer.normalize(phrase, Normalizer.Form.NFC).strip().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(Fold.fold(w));
            }
        }
        return out;
    }

    private static boolean containsAny(List<String> words, List<List<String>> phrases) {
        for (List<String> p : phrases) {
            for (int i = 0; i + p.size() <= words.size(); i++) {
                if (words.subList(i, i + p.size()).equals(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The key places are matched by: no case, diacritics, spaces or punctuation ("Thừa Thiên - Huế" =
     * "thuathienhue"), as the scorer compares place names; "" for null.
     */
    public static String placeKey(String name) {
        return name == null ? "" : Fold.nameKey(name);
    }
}

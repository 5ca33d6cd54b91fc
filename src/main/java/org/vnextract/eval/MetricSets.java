package org.vnextract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vnextract.text.Fold;

/**
 * The comparable units of one article, per metric, computed from a record or a gold file exactly
 * as {@code ../shared/tools/score.py} computes them (see ../shared/gold/README.md, "Scoring").
 *
 * <p>Stateless; thread-safe.
 */
public final class MetricSets {
    public static final List<String> METRICS = List.of("officials.name", "officials.title", "documents.id",
            "documents.date", "dates.value", "counts", "relations", "locations.name", "place");

    /**
     * Metrics scored only on gold files that carry their field (older gold has none of them), as
     * score.py's {@code OPTIONAL}: metric → the gold field whose presence (even as null) turns it on.
     */
    public static final Map<String, String> OPTIONAL = Map.of("relations", "relations", "locations.name", "locations",
            "place", "place");

    /** The record field each metric reads, for a gold file's {@code "fields"} list (score.py's {@code FIELD_OF}). */
    public static final Map<String, String> FIELD_OF = Map.of("officials.name", "officials", "officials.title", "officials",
            "documents.id", "documents", "documents.date", "documents", "dates.value", "dates", "counts", "counts",
            "relations", "relations", "locations.name", "locations", "place", "place");

    private MetricSets() {}

    /** Metric name → set of units (strings joined with a separator that folded text never holds). */
    public static Map<String, Set<String>> of(JsonNode rec) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> titles = new LinkedHashSet<>();
        for (JsonNode o : array(rec, "officials")) {
            if (!o.isObject() || !truthy(o.get("name"))) {
                continue;
            }
            String n = Fold.fold(str(o.get("name")));
            names.add(n);
            for (JsonNode t : array(o, "titles")) {
                if (truthy(t)) {
                    titles.add(n + "\u0001" + Fold.fold(str(t)));
                }
            }
        }
        Set<String> docs = new LinkedHashSet<>();
        Set<String> docDates = new LinkedHashSet<>();
        for (JsonNode d : array(rec, "documents")) {
            if (!d.isObject() || !truthy(d.get("id"))) {
                continue;
            }
            String k = docKey(str(d.get("id")));
            docs.add(k);
            if (truthy(d.get("date"))) {
                docDates.add(k + "\u0001" + str(d.get("date")));
            }
        }
        Set<String> dates = new LinkedHashSet<>();
        for (JsonNode d : array(rec, "dates")) {
            if (d.isObject() && truthy(d.get("value"))) {
                dates.add(str(d.get("value")));
            }
        }
        Set<String> counts = new LinkedHashSet<>();
        for (JsonNode c : array(rec, "counts")) {
            if (c.isObject() && c.get("value") != null && !c.get("value").isNull()) {
                counts.add(num(c.get("value")) + "\u0001" + num(c.get("total")) + "\u0001" + num(c.get("value_max"))
                        + "\u0001" + firstSyllable(c.get("unit")));
            }
        }
        Set<String> relations = new LinkedHashSet<>();
        for (JsonNode r : array(rec, "relations")) {
            if (r.isObject() && truthy(r.get("from")) && truthy(r.get("to"))) {
                relations.add(docKey(str(r.get("from"))) + "\u0001" + foldOrEmpty(r.get("type")) + "\u0001"
                        + docKey(str(r.get("to"))));
            }
        }
        Set<String> locations = new LinkedHashSet<>();
        for (JsonNode l : array(rec, "locations")) {
            if (l.isObject() && truthy(l.get("name"))) {
                locations.add(placeKey(str(l.get("name"))));
            }
        }
        JsonNode place = rec == null ? null : rec.get("place");
        if (place != null && place.isObject()) {
            place = place.get("name");
        }
        Set<String> places = truthy(place) ? Set.of(placeKey(str(place))) : Set.of();
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("officials.name", names);
        m.put("officials.title", titles);
        m.put("documents.id", docs);
        m.put("documents.date", docDates);
        m.put("dates.value", dates);
        m.put("counts", counts);
        m.put("relations", relations);
        m.put("locations.name", locations);
        m.put("place", places);
        return m;
    }

    /** score.py's {@code doc_key}: folded, no spaces, upper case, leading zeros of the number dropped. */
    public static String docKey(String id) {
        String s = Fold.fold(id).replace(" ", "").toUpperCase(Locale.ROOT);
        int i = 0;
        while (i + 1 < s.length() && s.charAt(i) == '0' && Character.isDigit(s.charAt(i + 1))) {
            i++;
        }
        return s.substring(i);
    }

    /**
     * score.py's {@code place_key}: place names vary in diacritics, spaces and apostrophes (Đăk Pơ =
     * Đắk Pơ, Ia H'Drai = Ia H' Drai), so the folded name keeps only its base letters and digits.
     */
    public static String placeKey(String name) {
        String d = java.text.Normalizer.normalize(Fold.fold(name).replace("đ", "d"), java.text.Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(d.length());
        d.codePoints().filter(MetricSets::isAlnum).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Python's {@code str.isalnum} for one code point: a letter (L*) or a number (N*). */
    private static boolean isAlnum(int cp) {
        int t = Character.getType(cp);
        return Character.isLetter(cp) || t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER
                || t == Character.OTHER_NUMBER;
    }

    /** score.py's {@code fold} of a value that may be missing (None folds to the empty string). */
    private static String foldOrEmpty(JsonNode n) {
        return n == null || n.isNull() ? "" : Fold.fold(str(n));
    }

    /** The id part of a documents.date unit. */
    static String unitId(String unit) {
        int i = unit.indexOf('\u0001');
        return i < 0 ? unit : unit.substring(0, i);
    }

    private static String firstSyllable(JsonNode unit) {
        String f = Fold.fold(unit == null || unit.isNull() ? null : str(unit));
        if (f.isEmpty()) {
            return "";
        }
        int sp = f.indexOf(' ');
        return sp < 0 ? f : f.substring(0, sp);
    }

    /** score.py's {@code num}: None; an integral float as an int; else rounded to 6 places; else the string. */
    static String num(JsonNode v) {
        if (v == null || v.isNull()) {
            return "None";
        }
        double f;
        try {
            f = v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText().strip());
        } catch (NumberFormatException e) {
            return "s:" + v.asText();
        }
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            return "f:" + f;
        }
        if (f == Math.rint(f)) {
            return new BigDecimal(f).toBigInteger().toString();
        }
        return new BigDecimal(f).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** Python truth of a JSON value, as score.py tests fields and keys: present, not null, not "" / 0 / false / empty. */
    static boolean truthy(JsonNode n) {
        if (n == null || n.isNull()) {
            return false;
        }
        if (n.isTextual()) {
            return !n.asText().isEmpty();
        }
        if (n.isNumber()) {
            return n.asDouble() != 0;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        return n.size() > 0;
    }

    private static String str(JsonNode n) {
        if (n == null || n.isNull()) {
            return "None";
        }
        return n.isTextual() ? n.asText() : n.toString();
    }

    private static List<JsonNode> array(JsonNode n, String field) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode a = n == null ? null : n.get(field);
        if (a != null && a.isArray()) {
            a.forEach(out::add);
        }
        return out;
    }
}

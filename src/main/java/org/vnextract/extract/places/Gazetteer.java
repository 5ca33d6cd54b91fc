package org.vnextract.extract.places;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;

/**
 * The places gazetteer: every unit of {@code models/places/units.tsv} (both eras), the countries of
 * {@code countries.tsv} and the other written forms of {@code aliases.tsv}, looked up by a name key
 * that ignores case, diacritics, spaces, dots, hyphens and apostrophes ("Đăk Pơ" = "Đắk Pơ",
 * "Ia H'Drai" = "Ia H' Drai", "TP.HCM" = "TPHCM"), like the scorer's place key.
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class Gazetteer {
    private final Map<String, List<Unit>> byKey = new HashMap<>();
    /** Keys of names cut after each of their syllables: a longer match is worth trying. */
    private final Set<String> prefixes = new HashSet<>();
    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, Unit> byEraCode = new HashMap<>();
    private final Set<String> personNames = new HashSet<>();

    public Gazetteer(ModelSource models) {
        Validate.notNull(models, "models");
        for (String l : models.lines("places/units.tsv")) {
            String[] f = java.util.Arrays.copyOf(l.split("\t", -1), 8); // trailing empty columns are trimmed
            if (f[5] == null) {
                throw new IllegalArgumentException("places/units.tsv: fewer than six columns: " + l);
            }
            for (int i = 6; i < 8; i++) {
                f[i] = f[i] == null ? "" : f[i];
            }
            String after = f[7].isEmpty() ? null : f[7].split(":")[0];
            Unit u = new Unit(f[0], f[1], f[2], f[3], f[4], f[5], nullIfEmpty(f[6]), after, "");
            add(u.name(), u);
            byEraCode.put(u.era() + ":" + u.level() + ":" + u.code(), u);
        }
        for (String l : models.lines("places/person_places.txt")) {
            personNames.add(key(l.strip()));
        }
        for (String l : models.lines("places/countries.tsv")) {
            String[] f = l.split("\t", -1);
            add(f[0], new Unit(null, "country", f[1], f[0], null, null, null, null, f.length > 2 ? f[2] : ""));
        }
        for (String l : models.lines("places/aliases.tsv")) {
            String[] f = l.split("\t", -1);
            if (f.length < 4) {
                throw new IllegalArgumentException("places/aliases.tsv: fewer than four columns: " + l);
            }
            String code = f.length > 4 && !f[4].isEmpty() ? f[4] : null;
            Unit target = code == null ? null : byEraCode.get("pre:" + f[2] + ":" + code);
            String after = target != null ? target.after() : null;
            add(f[0], new Unit(code == null ? null : "pre", f[2], code, f[1], f[3], code, null, after,
                    f.length > 5 ? f[5] : ""));
        }
        byKey.replaceAll((k, v) -> List.copyOf(v));
        for (String k : prefixes) {
            entries.put(k, new Entry(byKey.getOrDefault(k, Collections.emptyList()), true));
        }
        byKey.forEach((k, v) -> entries.putIfAbsent(k, new Entry(v, false)));
        int cap = Integer.highestOneBit(Math.max(entries.size(), 1) * 2) * 2;
        tableKeys = new String[cap];
        tableNames = new Name[cap];
        tableHashes = new int[cap];
        tableBits = Integer.numberOfTrailingZeros(cap);
        entries.forEach((k, e) -> {
            int m = cap - 1;
            int h = k.hashCode();
            int slot = slot(h);
            while (tableKeys[slot] != null) {
                slot = (slot + 1) & m;
            }
            tableKeys[slot] = k;
            tableHashes[slot] = h;
            tableNames[slot] = new Name(e, isBarePerson(e.units()), e.units().stream().anyMatch(Unit::isProvince));
        });
    }

    /** A name written without a type word reads as a person first ("Hồ Chí Minh", not "TP.HCM"). */
    private boolean isBarePerson(List<Unit> units) {
        return !units.isEmpty() && isPersonName(key(units.get(0).name())) && units.stream().noneMatch(u -> u.has("typed"));
    }

    // the entries again, in an open-addressing table read by a Cursor without allocating
    private final String[] tableKeys;
    private final Name[] tableNames;
    private final int[] tableHashes;
    private final int tableBits;

    private int slot(int hash) {
        return (hash * 0x9E3779B9) >>> (32 - tableBits);
    }

    /**
     * An entry with what the scan asks of it, computed once.
     *
     * @param entry       the entry
     * @param barePerson  without a type word the name is a person's ({@code person_places.txt}, no typed alias)
     * @param anyProvince one of its units is a province
     */
    record Name(Entry entry, boolean barePerson, boolean anyProvince) {}

    /** A cursor for building name keys syllable by syllable; one per article. */
    Cursor cursor() {
        return new Cursor();
    }

    /**
     * A name key built syllable by syllable ({@link #appendKey}), with its {@link String#hashCode}
     * kept as it grows, looked up without building a string. One per article; not thread-safe.
     */
    final class Cursor {
        private char[] buf = new char[64];
        private int len;
        private int hash;

        void reset() {
            len = 0;
            hash = 0;
        }

        /** Appends the name key of s[from, to). */
        void append(CharSequence s, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                char b;
                if (c < BASE.length) {
                    b = BASE[c];
                    if (b == 0) {
                        continue;
                    }
                } else if (Character.isLetterOrDigit(c)) {
                    b = Character.toLowerCase(c);
                } else {
                    continue;
                }
                if (len == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, 2 * len);
                }
                buf[len++] = b;
                hash = 31 * hash + b;
            }
        }

        /** The entry of the key built so far, or null when no name is or starts with it. */
        Name name() {
            int m = tableKeys.length - 1;
            for (int k = slot(hash); tableKeys[k] != null; k = (k + 1) & m) {
                if (tableHashes[k] == hash && same(tableKeys[k])) {
                    return tableNames[k];
                }
            }
            return null;
        }

        private boolean same(String key) {
            if (key.length() != len) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                if (key.charAt(i) != buf[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** True when {@code a} and {@code b} have the same name key ({@link #key}), compared without building either. */
    static boolean sameKey(String a, String b) {
        int i = 0;
        int j = 0;
        while (true) {
            char x = 0;
            while (i < a.length() && (x = keyChar(a.charAt(i))) == 0) {
                i++;
            }
            char y = 0;
            while (j < b.length() && (y = keyChar(b.charAt(j))) == 0) {
                j++;
            }
            if (i == a.length() || j == b.length()) {
                return i == a.length() && j == b.length();
            }
            if (x != y) {
                return false;
            }
            i++;
            j++;
        }
    }

    /** The char {@code c} adds to a name key, or 0 for none. */
    static char keyChar(char c) {
        if (c < BASE.length) {
            return BASE[c];
        }
        return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
    }

    /**
     * What a name key reads as: the units named so (maybe none) and whether a longer name starts with
     * it. One look-up per syllable of a candidate name instead of two.
     */
    public record Entry(List<Unit> units, boolean prefix) {}

    /** The entry of a name key, or null when no name is or starts with it. */
    public Entry entry(String key) {
        return entries.get(key);
    }

    private void add(String name, Unit u) {
        String k = key(name);
        if (k.isEmpty()) {
            return;
        }
        byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(u);
        StringBuilder p = new StringBuilder();
        for (String syl : name.split("[\\s\\-'’.]+")) {
            p.append(key(syl));
            prefixes.add(p.toString());
        }
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }

    /** The units written with this key (see {@link #key}); empty when none. */
    public List<Unit> lookup(String key) {
        return byKey.getOrDefault(key, Collections.emptyList());
    }

    /** True when some name's key starts with {@code key} up to one of its syllables. */
    public boolean isPrefix(String key) {
        return prefixes.contains(key);
    }

    /** The unit of an era ("pre" or "post") and level with this GSO code, or null. */
    public Unit unit(String era, String level, String code) {
        return byEraCode.get(era + ":" + level + ":" + code);
    }

    /** True for a name that is first a person's ("Hồ Chí Minh"). */
    public boolean isPersonName(String key) {
        return personNames.contains(key);
    }

    /** The name key: lower case, without diacritics, and only letters and digits (đ read as d). */
    public static String key(String s) {
        StringBuilder out = new StringBuilder(s.length());
        appendKey(s, out);
        return out.toString();
    }

    /** Base letter, lower case, of each char up to U+1EFF (0: not a letter or digit); built once. */
    private static final char[] BASE = new char[0x1F00];

    static {
        for (int c = 0; c < BASE.length; c++) {
            String d = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
            char b = d.isEmpty() ? 0 : d.charAt(0);
            if (c == 'đ' || c == 'Đ' || c == '\u00D0' || c == '\u00F0') {
                BASE[c] = 'd';
            } else if (Character.isLetterOrDigit(b) && Character.getType((char) c) != Character.NON_SPACING_MARK) {
                BASE[c] = Character.toLowerCase(b);
            }
        }
    }

    /**
     * A hash of the name key of text[from, to), computed without building the key: a filter that
     * rules most tokens out before they are folded. Equal keys hash alike.
     */
    public static int keyHash(CharSequence s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < BASE.length) {
                char b = BASE[c];
                if (b != 0) {
                    h = 31 * h + b;
                }
            } else if (Character.isLetterOrDigit(c)) {
                h = 31 * h + Character.toLowerCase(c);
            }
        }
        return h;
    }

    /** Appends the name key of {@code s} (see {@link #key}): one table look-up per char, no normalisation. */
    public static void appendKey(CharSequence s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < BASE.length) {
                char b = BASE[c];
                if (b != 0) {
                    out.append(b);
                }
            } else if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
    }
}

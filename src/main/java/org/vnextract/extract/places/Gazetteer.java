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
            Unit u = new Unit(intern(f[0]), intern(f[1]), intern(f[2]), f[3], intern(f[4]), intern(f[5]),
                    intern(nullIfEmpty(f[6])), intern(after), "");
            add(u.name(), u);
            byEraCode.put(u.era() + ":" + u.level() + ":" + u.code(), u);
        }
        for (String l : models.lines("places/person_places.txt")) {
            personNames.add(key(l.strip()));
        }
        for (String l : models.lines("places/countries.tsv")) {
            String[] f = l.split("\t", -1);
            add(f[0], new Unit(null, "country", intern(f[1]), f[0], null, null, null, null, f.length > 2 ? intern(f[2]) : ""));
        }
        for (String l : models.lines("places/aliases.tsv")) {
            String[] f = l.split("\t", -1);
            if (f.length < 4) {
                throw new IllegalArgumentException("places/aliases.tsv: fewer than four columns: " + l);
            }
            String code = f.length > 4 && !f[4].isEmpty() ? f[4] : null;
            Unit target = code == null ? null : byEraCode.get("pre:" + f[2] + ":" + code);
            String after = target != null ? target.after() : null;
            add(f[0], new Unit(code == null ? null : "pre", intern(f[2]), intern(code), f[1], intern(f[3]), intern(code), null,
                    intern(after), f.length > 5 ? intern(f[5]) : ""));
        }
        byKey.replaceAll((k, v) -> List.copyOf(v));
        for (String k : prefixes) {
            entries.put(k, new Entry(byKey.getOrDefault(k, Collections.emptyList()), true));
        }
        byKey.forEach((k, v) -> entries.putIfAbsent(k, new Entry(v, false)));
        int cap = Integer.highestOneBit(Math.max(entries.size(), 1) * 2) * 2;
        slots = new long[2 * cap];
        slotNames = new Name[cap];
        tableBits = Integer.numberOfTrailingZeros(cap);
        StringBuilder pool = new StringBuilder(entries.size() * 12 + 1).append('\0'); // offset 0: no key
        entries.forEach((k, e) -> {
            int m = cap - 1;
            int h = k.hashCode();
            int slot = slot(h);
            while (slots[2 * slot] != 0) {
                slot = (slot + 1) & m;
            }
            int offset = pool.length();
            Validate.isTrue(offset < OFFSET_MASK && k.length() < Character.MAX_VALUE, "models", "places gazetteer too large");
            pool.append((char) k.length()).append(k);
            Name name = name(e);
            slots[2 * slot] = ((long) h << 32) | (e.units().isEmpty() ? 0 : HAS_UNITS) | (e.prefix() ? PREFIX : 0)
                    | (name.bareNone() ? BARE_NONE : 0) | offset;
            slots[2 * slot + 1] = packed(k);
            slotNames[slot] = name;
        });
        keyPool = pool.toString().toCharArray();
        for (List<Unit> us : byKey.values()) {
            for (Unit u : us) {
                u.links = linksOf(u);
            }
        }
    }

    /**
     * What resolving a name and weighing the article's place ask of a unit, computed once at load
     * instead of per mention (each was a string built and a map read per candidate).
     *
     * @param provinceKey     {@code era + ":" + province} as written, "null" for a missing part
     * @param key             {@code era + ":" + code}
     * @param afterKey        {@code "post:" + after}, or null when the unit has no later province
     * @param province        the province unit of its era and code, or null
     * @param provinceInPre   the province covering it in an article before the reform, or null
     * @param provinceInPost  the province covering it in an article after the reform, or null
     * @param id              the location's id ({@code level:era code}) when it has a code, else null
     */
    record Links(String provinceKey, String key, String afterKey, Unit province, Unit provinceInPre,
                 Unit provinceInPost, String id) {}

    /** The links of a unit: computed at load for the gazetteer's (held by the unit), now for another (an unlisted name). */
    Links links(Unit u) {
        Links l = u.links;
        return l != null ? l : linksOf(u);
    }

    private Links linksOf(Unit u) {
        return new Links(intern(u.era() + ":" + u.province()), intern(u.era() + ":" + u.code()),
                u.after() == null ? null : intern("post:" + u.after()), unit(u.era(), "province", u.province()),
                provinceIn(u, "pre"), provinceIn(u, "post"),
                u.code() != null ? intern(u.level() + ":" + u.era() + u.code()) : null);
    }

    /**
     * The one copy of a field's value that many units share (an era, level, kind, code or key): a
     * comparison with it is then mostly one of references, and the scan reads no string of its own per
     * unit (each a cache miss). Null stays null.
     */
    private static String intern(String s) {
        return s == null ? null : s.intern();
    }

    /**
     * The province of a unit, as a unit of the article's era: a pre-reform unit in an article after
     * the reform counts for the province covering it, a post-reform one in an earlier article for the
     * earlier province of the same name. Null for countries and units of earlier times (no code).
     */
    private Unit provinceIn(Unit u, String era) {
        if (u == null || u.isCountry() || u.era() == null || u.code() == null) {
            return null;
        }
        Unit prov = u.isProvince() ? u : unit(u.era(), "province", u.province());
        if (prov == null || prov.era().equals(era)) {
            return prov;
        }
        if (era.equals("post")) {
            return prov.after() == null ? prov : unit("post", "province", prov.after());
        }
        for (Unit same : lookup(key(prov.name()))) {
            if ("pre".equals(same.era()) && same.isProvince()) {
                return same;
            }
        }
        return prov;
    }

    /** The entry with what the scan asks of it. */
    private Name name(Entry e) {
        boolean province = e.units().stream().anyMatch(Unit::isProvince);
        List<Unit> bare = new ArrayList<>();
        boolean country = false;
        for (Unit u : e.units()) {
            if (u.isCountry()) {
                country = true;
            } else if (u.isProvince() || u.level().equals("district") && !province) {
                bare.add(u);
            }
        }
        return new Name(e, isBarePerson(e.units()), province, country ? null : List.copyOf(bare));
    }

    /** A name written without a type word reads as a person first ("Hồ Chí Minh", not "TP.HCM"). */
    private boolean isBarePerson(List<Unit> units) {
        return !units.isEmpty() && isPersonName(key(units.get(0).name())) && units.stream().noneMatch(u -> u.has("typed"));
    }

    // the entries again, in an open-addressing table (each slot two longs in one cache line: the
    // second holds the key itself when it is short, so most probes read no key pool) read by a Cursor without allocating and, for a
    // name that is no key, with one memory read (no filter before it: in the pipeline the other
    // stages push both out of the cache between articles, so a filter read costs a miss as the
    // table's does, and a key that is in the table paid both): a slot is a long (the key's String#hashCode, whether
    // the key names units, whether it is a prefix, the key's place in keyPool: its length, then its
    // chars), the keys one char array; the Name is read only for the name a scan keeps
    private static final long HAS_UNITS = 1L << 31;
    private static final long PREFIX = 1L << 30;
    private static final long BARE_NONE = 1L << 29;
    private static final int OFFSET_MASK = (1 << 29) - 1;
    private final long[] slots;

    /** The most chars of a key {@link #packed} holds. */
    private static final int PACKED_CHARS = 10;

    /** The 6-bit code of a key char in a packed key (a-z 1-26, 0-9 27-36), or 0 for another char. */
    private static long packCode(char c) {
        return c >= 'a' && c <= 'z' ? c - 'a' + 1 : c >= '0' && c <= '9' ? c - '0' + 27 : 0;
    }

    /**
     * A key of at most {@link #PACKED_CHARS} chars of a-z and 0-9 as one long (its chars' codes, its
     * length in the top four bits), never 0; 0 for any other key. Two packable keys are equal when
     * their packed forms are, so the slot compares it with the cursor's without reading the key pool.
     */
    private static long packed(String key) {
        if (key.isEmpty() || key.length() > PACKED_CHARS) {
            return 0;
        }
        long p = 0;
        for (int i = 0; i < key.length(); i++) {
            long code = packCode(key.charAt(i));
            if (code == 0) {
                return 0;
            }
            p |= code << (6 * i);
        }
        return p | (long) key.length() << 60;
    }
    private final Name[] slotNames;
    private final char[] keyPool;
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
     * @param bareUnits   the units a bare name may be when no unit is a country (provinces; districts
     *                    when no unit is a province), in order; null when some unit is a country
     */
    record Name(Entry entry, boolean barePerson, boolean anyProvince, List<Unit> bareUnits) {
        /** Written without a type word, the name is no place: a person's, or a name of communes only. */
        boolean bareNone() {
            return barePerson || bareUnits != null && bareUnits.isEmpty();
        }
    }

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
        /** The key so far as {@link #packed} packs it, without its length; -1 once it cannot be packed. */
        private long pack;

        void reset() {
            len = 0;
            hash = 0;
            pack = 0;
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
                if (pack >= 0) {
                    long code = len < PACKED_CHARS ? packCode(b) : 0;
                    pack = code == 0 ? -1 : pack | code << (6 * len);
                }
                buf[len++] = b;
                hash = 31 * hash + b;
            }
        }

        /** The slot of the key built so far, or -1 when no name is or starts with it. */
        int find() {
            long[] t = slots;
            int m = (t.length >> 1) - 1;
            long want = pack > 0 ? pack | (long) len << 60 : 0; // 0: the key pool decides
            for (int k = slot(hash); ; k = (k + 1) & m) {
                long v = t[2 * k];
                if (v == 0) {
                    return -1;
                }
                if ((int) (v >>> 32) == hash) {
                    long p = t[2 * k + 1];
                    if (want != 0 ? p == want : p == 0 && same((int) v & OFFSET_MASK)) {
                        return k;
                    }
                }
            }
        }

        /** The entry of the key built so far, or null when no name is or starts with it. */
        Name name() {
            int k = find();
            return k < 0 ? null : slotNames[k];
        }

        private boolean same(int offset) {
            char[] p = keyPool;
            if (p[offset] != len) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                if (p[offset + 1 + i] != buf[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Whether the key of slot {@code k} ({@link Cursor#find}) names units. */
    boolean hasUnits(int k) {
        return (slots[2 * k] & HAS_UNITS) != 0;
    }

    /** Whether a longer name starts with the key of slot {@code k}. */
    boolean isPrefix(int k) {
        return (slots[2 * k] & PREFIX) != 0;
    }

    /** Whether the key of slot {@code k}, written without a type word, is no place ({@link Name#bareNone}). */
    boolean isBareNone(int k) {
        return (slots[2 * k] & BARE_NONE) != 0;
    }

    /** The entry of slot {@code k}. */
    Name nameAt(int k) {
        return slotNames[k];
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

    /**
     * The units of units.tsv of an era ("pre" or "post") and a level (province, district, commune), in no
     * particular order; read at construction by those that derive their own tables from the gazetteer.
     */
    public List<Unit> units(String era, String level) {
        List<Unit> out = new ArrayList<>();
        for (Unit u : byEraCode.values()) {
            if (era.equals(u.era()) && level.equals(u.level())) {
                out.add(u);
            }
        }
        return out;
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

package org.vnextract.extract.places;

/**
 * One entry of the gazetteer: an administrative unit of one era, a country, or another written form
 * of a unit (an alias: "TP.HCM", a province of earlier times). Its fields:
 *
 * <pre>
 * era       "pre" (units of 1 March 2025), "post" (from 1 July 2025), or null for countries and aliases
 *                  without a code
 * level     province, district, commune or country
 * code      GSO code, ISO 3166 alpha-2 for a country, or null
 * name      the standard name without its type word
 * kind      the type word (tỉnh, huyện …), or null
 * province  GSO code of its province (its own for a province), or null
 * district  GSO code of its district (pre-reform communes), or null
 * after     the post-reform province code covering it (pre-reform units), or null
 * flags     "cue" (a country that counts only after a cue), "typed" (an alias that carries its type word),
 *                  "person" (a name that is first a person's), or empty
 * </pre>
 *
 * <p>Its fields are immutable; its gazetteer sets its {@link Gazetteer.Links} once while it is built,
 * before any reader sees the unit (a unit made elsewhere has none: {@link Gazetteer#links} computes
 * them). Equal, hashed and written as a record of its fields. Thread-safe once its gazetteer is built.
 */
public final class Unit {
    private final String era;
    private final String level;
    private final String code;
    private final String name;
    private final String kind;
    private final String province;
    private final String district;
    private final String after;
    private final String flags;
    /** What resolving and weighing ask of the unit, set by its gazetteer at load; null for a unit made elsewhere. */
    Gazetteer.Links links;

    public Unit(String era, String level, String code, String name, String kind, String province, String district,
                String after, String flags) {
        this.era = era;
        this.level = level;
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.province = province;
        this.district = district;
        this.after = after;
        this.flags = flags;
    }

    public String era() {
        return era;
    }

    public String level() {
        return level;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String kind() {
        return kind;
    }

    public String province() {
        return province;
    }

    public String district() {
        return district;
    }

    public String after() {
        return after;
    }

    public String flags() {
        return flags;
    }

    public boolean isCountry() {
        return "country".equals(level);
    }

    public boolean isProvince() {
        return "province".equals(level);
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Unit u && java.util.Objects.equals(era, u.era) && java.util.Objects.equals(level, u.level)
                && java.util.Objects.equals(code, u.code) && java.util.Objects.equals(name, u.name)
                && java.util.Objects.equals(kind, u.kind) && java.util.Objects.equals(province, u.province)
                && java.util.Objects.equals(district, u.district) && java.util.Objects.equals(after, u.after)
                && java.util.Objects.equals(flags, u.flags);
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (String f : new String[] {era, level, code, name, kind, province, district, after, flags}) {
            h = 31 * h + java.util.Objects.hashCode(f);
        }
        return h;
    }

    @Override
    public String toString() {
        return "Unit[era=" + era + ", level=" + level + ", code=" + code + ", name=" + name + ", kind=" + kind
                + ", province=" + province + ", district=" + district + ", after=" + after + ", flags=" + flags + "]";
    }
}

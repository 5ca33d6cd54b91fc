package org.vnextract.extract.places;

/**
 * One entry of the gazetteer: an administrative unit of one era, a country, or another written form
 * of a unit (an alias: "TP.HCM", a province of earlier times).
 *
 * @param era       "pre" (units of 1 March 2025), "post" (from 1 July 2025), or null for countries and aliases
 *                  without a code
 * @param level     province, district, commune or country
 * @param code      GSO code, ISO 3166 alpha-2 for a country, or null
 * @param name      the standard name without its type word
 * @param kind      the type word (tỉnh, huyện …), or null
 * @param province  GSO code of its province (its own for a province), or null
 * @param district  GSO code of its district (pre-reform communes), or null
 * @param after     the post-reform province code covering it (pre-reform units), or null
 * @param flags     "cue" (a country that counts only after a cue), "typed" (an alias that carries its type word),
 *                  "person" (a name that is first a person's), or empty
 *
 * <p>Immutable; thread-safe.
 */
public record Unit(String era, String level, String code, String name, String kind, String province, String district,
                   String after, String flags) {
    public boolean isCountry() {
        return "country".equals(level);
    }

    public boolean isProvince() {
        return "province".equals(level);
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }
}

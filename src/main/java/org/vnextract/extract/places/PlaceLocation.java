package org.vnextract.extract.places;

import java.util.List;
import org.vnextract.extract.Mention;
import org.vnextract.internal.Validate;

/**
 * An administrative unit or a country named in the article (RECORD.md "locations").
 *
 * @param name     the name as the article writes it, without its type word ("Chư Prông")
 * @param kind     the type word written, else the unit's own (tỉnh, huyện …), or null
 * @param level    province, district, commune or country
 * @param code     GSO code, ISO 3166 alpha-2 for a country, or null when the name is ambiguous or of another time
 * @param province the province's name for a district or commune, or null
 * @param provinceCode its GSO code, or null
 * @param mentions where it is written ({@code char} offsets)
 *
 * <p>Immutable; thread-safe.
 */
public record PlaceLocation(String name, String kind, String level, String code, String province, String provinceCode,
                            List<Mention> mentions) {
    public PlaceLocation {
        Validate.notEmpty(name, "name");
        Validate.notEmpty(level, "level");
        mentions = List.copyOf(mentions);
    }
}

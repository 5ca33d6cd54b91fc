package org.vnextract.extract.places;

import java.util.HashMap;
import java.util.Map;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;

/**
 * A province's name in the article's time ({@code models/places/former_names.tsv}): the admin-unit
 * files give code 46 the name it took on 1 January 2025, "Huế"; an article of 2020 whose place is
 * implied by a district or its outlet was written in the province of Thừa Thiên Huế.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class FormerNames {
    private record Former(String filesName, String earlierName, String lastDay) {}

    private final Map<String, Former> byCode = new HashMap<>();

    FormerNames(ModelSource models) {
        Validate.notNull(models, "models");
        for (String l : models.lines("places/former_names.tsv")) {
            String[] f = l.split("\t", -1);
            if (f.length != 4 || !f[3].matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new IllegalArgumentException("places/former_names.tsv: not 'code <TAB> name <TAB> earlier name <TAB> YYYY-MM-DD': " + l);
            }
            byCode.put(f[0], new Former(f[1], f[2], f[3]));
        }
    }

    /**
     * The place named as in the article's time: the earlier name when the place carries the files'
     * name and the article is dated on or before the earlier name's last day, or not dated; else
     * {@code place} itself (null stays null).
     *
     * @param published the article's date (ISO, any precision), or null
     */
    ArticlePlace inTimeOf(ArticlePlace place, String published) {
        if (place == null || place.code() == null) {
            return place;
        }
        Former f = byCode.get(place.code());
        if (f == null || !f.filesName.equals(place.name())) {
            return place;
        }
        if (published != null && published.compareTo(f.lastDay) > 0) {
            return place;
        }
        return new ArticlePlace(f.earlierName, place.code(), place.afterName(), place.afterCode());
    }
}

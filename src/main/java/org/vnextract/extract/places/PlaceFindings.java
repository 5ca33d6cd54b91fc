package org.vnextract.extract.places;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Key;

/**
 * What the places stage found in one article: its locations, its place (or null), and what is
 * needed to give a local document the province that scopes its symbol ({@link #scopeOf}).
 *
 * <p>Immutable; thread-safe.
 */
public final class PlaceFindings {
    public static final Key<PlaceFindings> KEY = Key.of("places", PlaceFindings.class);

    private final List<PlaceLocation> locations;
    private final ArticlePlace place;
    private final Set<String> localIssuers;

    PlaceFindings(List<PlaceLocation> locations, ArticlePlace place, Set<String> localIssuers) {
        this.locations = List.copyOf(Validate.notNull(locations, "locations"));
        this.place = place;
        this.localIssuers = localIssuers;
    }

    public List<PlaceLocation> locations() {
        return locations;
    }

    /** The article's place, or null. */
    public ArticlePlace place() {
        return place;
    }

    /**
     * The province that scopes a document's symbol, or null: for a local issuer (party codes TU, HU,
     * ĐU …; state symbols of HĐND, UBND), the province named in the issuer's words ("Tỉnh ủy Gia
     * Lai", or a district or commune of it), else the article's place.
     *
     * @param issuerCode the symbol's issuer code, or null
     * @param id         the document's symbol ("02-NQ/TU", "20/NQ-HĐND")
     * @param issuer     the issuer's words, or null
     */
    public ProvinceRef scopeOf(String issuerCode, String id, String issuer) {
        if (!isLocal(issuerCode, id)) {
            return null;
        }
        if (issuer != null && !issuer.isEmpty()) {
            String folded = " " + spacedKey(issuer) + " ";
            for (PlaceLocation l : locations) {
                if (l.level().equals("country")) {
                    continue;
                }
                if (folded.contains(" " + spacedKey(l.name()) + " ")) {
                    if (l.level().equals("province")) {
                        return new ProvinceRef(l.name(), l.code());
                    }
                    if (l.province() != null) {
                        return new ProvinceRef(l.province(), l.provinceCode());
                    }
                }
            }
        }
        return place == null ? null : new ProvinceRef(place.name(), place.code());
    }

    private boolean isLocal(String issuerCode, String id) {
        if (issuerCode != null && localIssuers.contains(issuerCode.toUpperCase(Locale.ROOT))) {
            return true;
        }
        if (id == null) {
            return false;
        }
        int dash = id.lastIndexOf('-');
        int slash = id.lastIndexOf('/');
        return dash > slash && localIssuers.contains(id.substring(dash + 1).toUpperCase(Locale.ROOT));
    }

    /** The name key of each word, separated by spaces: whole-word containment without diacritics. */
    private static String spacedKey(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (String w : s.split("[\\s\\-]+")) {
            int before = out.length();
            if (before > 0) {
                out.append(' ');
            }
            Gazetteer.appendKey(w, out);
            if (out.length() == before + (before > 0 ? 1 : 0)) {
                out.setLength(before);
            }
        }
        return out.toString();
    }
}

package org.vnextract.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.vnextract.internal.Validate;

/**
 * An official's positions over time: each title the articles give them, from the first to the last
 * day an article gave it. An article's day is its publication date; a title only articles without
 * one give (a text file, a page without metadata) has no date. The dates an article's text mentions
 * are not used instead: the latest of them is as often a birth date or a plan's deadline as the
 * article's day ("Đỗ Minh Tuấn sinh ngày 10/7/1972" dated another official's new post 1972).
 *
 * <p>Thread-safe: each call borrows its own connection from the reader.
 */
public final class OfficialTimeline {
    /** A title held from {@code first} to {@code last} (ISO days, null when no article has a date). */
    public record Position(String title, String first, String last, int articles) {}

    public record View(StoreReader.OfficialInfo official, List<Position> positions) {}

    private final StoreReader reader;

    public OfficialTimeline(StoreReader reader) {
        this.reader = Validate.notNull(reader, "reader");
    }

    public Optional<View> of(String officialKey) {
        Validate.notNull(officialKey, "officialKey");
        return reader.withConnection(c -> {
            StoreReader.OfficialInfo info = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT official_key, name, article_count, place FROM officials WHERE official_key = ?")) {
                ps.setString(1, officialKey);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        info = new StoreReader.OfficialInfo(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4));
                    }
                }
            }
            if (info == null) {
                return Optional.empty();
            }
            record Use(String title, String day, String article) {}
            Map<String, List<Use>> byTitle = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.title, t.title_key, SUBSTR(a.published, 1, 10), a.id"
                    + " FROM article_officials o JOIN official_titles t ON t.article_id = o.article_id AND t.official_ord = o.ord"
                    + " JOIN articles a ON a.id = o.article_id WHERE o.official_key = ? ORDER BY o.article_id, o.ord, t.ord LIMIT 20000")) {
                ps.setString(1, officialKey);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String day = rs.getString(3);
                        byTitle.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                                .add(new Use(rs.getString(1), day, rs.getString(4)));
                    }
                }
            }
            List<Position> out = new ArrayList<>();
            for (List<Use> uses : byTitle.values()) {
                String first = null;
                String last = null;
                TreeSet<String> articles = new TreeSet<>();
                Map<String, Integer> spellings = new LinkedHashMap<>();
                for (Use u : uses) {
                    articles.add(u.article());
                    spellings.merge(u.title(), 1, Integer::sum);
                    if (u.day() != null) {
                        first = first == null || u.day().compareTo(first) < 0 ? u.day() : first;
                        last = last == null || u.day().compareTo(last) > 0 ? u.day() : last;
                    }
                }
                String title = spellings.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
                out.add(new Position(title, first, last, articles.size()));
            }
            out.sort(Comparator.comparing(Position::first, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Position::title));
            return Optional.of(new View(info, out));
        });
    }
}

/**
 * The database behind {@code load}, {@code extract --db}, {@code lookup}, {@code search},
 * {@code export} and {@code serve}: SQLite by default (one file, {@code vnextract.db}), PostgreSQL
 * for teams ({@code --db jdbc:postgresql://…}); the same code and the same tests run on both.
 *
 * <h2>Schema</h2>
 * Normalised after {@code spec/RECORD.md}: {@code articles} (one row per record), and for each list
 * of the record a child table keyed by {@code (article_id, ord)} — {@code article_authors},
 * {@code article_officials} + {@code official_titles}, {@code article_documents} +
 * {@code document_mentions} (with the sentence of each mention), {@code article_dates},
 * {@code article_counts}, {@code article_periods}, {@code article_organizations},
 * {@code article_locations}, and {@code entity_mentions} for the mentions that share one shape.
 * Across articles, {@code documents} (keyed by the parsed symbol, {@link org.vnextract.store.DocumentKey})
 * and {@code officials} (keyed by the folded name) hold the most frequent spelling and an article
 * count, recomputed in the transaction of every batch that touches them. A record can be rebuilt
 * from its rows exactly ({@code export --format jsonl} gives back what was loaded).
 *
 * <h2>Migrations</h2>
 * Plain versioned SQL files, {@code db/<dialect>/V001.sql…}, applied by {@link org.vnextract.store.Migrations}
 * and recorded with checksums in {@code schema_version}; see that class for why not Flyway.
 *
 * <h2>Text search</h2>
 * SQLite FTS5 and PostgreSQL {@code tsvector} both index two folded copies of the text
 * ({@link org.vnextract.store.SearchText}): strict (diacritics kept, tone as a digit, so that tone-mark
 * placement does not matter but Đảng ≠ đang) and loose (no diacritics at all, đ → d). unicode61's
 * {@code remove_diacritics} cannot do this: it keeps Đ/đ.
 *
 * <h2>Threads</h2>
 * {@link org.vnextract.store.RecordStore} is one writer; {@link org.vnextract.store.StoreReader}
 * is thread-safe over a fixed pool of read-only connections.
 */
package org.vnextract.store;

package org.vnextract.cli;

import java.time.LocalDate;
import org.vnextract.store.ArticleFilter;
import picocli.CommandLine.Option;

/**
 * The article filter options of {@code search}, {@code export} and {@code stats}
 * ({@code --since/--until/--site/--province}), as a picocli mixin so that they read alike
 * everywhere. Not thread-safe (filled by picocli).
 */
public final class FilterOptions {
    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Only articles published on or after this day.")
    LocalDate since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Only articles published on or before this day.")
    LocalDate until;

    @Option(names = "--site", paramLabel = "HOST", description = "Only articles of this outlet (baomoi.com; www. ignored).")
    String site;

    @Option(names = "--province", paramLabel = "NAME",
            description = "Only articles whose place is this province, before or after the July 2025 reform"
                    + " (case, diacritics and a leading 'tỉnh' ignored).")
    String province;

    /** The filter; an {@link IllegalArgumentException} when --until is before --since. */
    public ArticleFilter filter() {
        return new ArticleFilter(since, until, site, province);
    }
}

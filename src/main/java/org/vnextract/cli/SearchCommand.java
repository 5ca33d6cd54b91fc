package org.vnextract.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vnextract.store.ArticleFilter;
import org.vnextract.store.ArticleSearch;
import org.vnextract.store.Browse;
import org.vnextract.store.Database;
import org.vnextract.store.Page;
import org.vnextract.store.StoreException;
import org.vnextract.store.StoreReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vnextract search}: full-text search of article titles and text. */
@Command(name = "search", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Search the text of the articles.",
                "The words are one phrase; \"quoted\" parts are phrases and other words terms.",
                "With diacritics the match is exact up to case and tone-mark placement; without, every diacritic is ignored.",
                "At most " + StoreReader.MAX_QUERY + " characters (the same cap as the web page's)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:found", "1:the database could not be read", "2:usage error", "4:nothing found"})
public final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "WORDS")
    List<String> words;

    @Mixin
    DatabaseOption dbOption;

    @Option(names = "--limit", paramLabel = "N", description = "Results (default ${DEFAULT-VALUE}, at most 100).")
    int limit = 20;

    @Option(names = "--page", paramLabel = "N", description = "Page of results, from 1.")
    int page = 1;

    @Option(names = "--json", description = "Print JSON (the same as the web API) instead of text.")
    boolean json;

    @Mixin
    FilterOptions filterOptions;

    @Option(names = "--sort", paramLabel = "relevance|newest|oldest", description = "Order of the results (default ${DEFAULT-VALUE}).")
    ArticleSearch.Sort sort = ArticleSearch.Sort.RELEVANCE;

    @Option(names = "--by-province", description = "Instead of searching, count the articles (within the filter) per place,"
            + " by the province of their time.")
    boolean byProvince;

    @Option(names = "--after-reform", description = "With --by-province: count per province after 1 July 2025 (34 provinces).")
    boolean afterReform;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String q = words == null ? "" : String.join(" ", words);
        StoreReader.queryProblem(q).ifPresent(problem -> {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), problem);
        });
        try (StoreReader reader = StoreReader.open(dbOption.database(), 1)) {
            ArticleFilter filter;
            try {
                filter = filterOptions.filter();
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            if (byProvince) {
                List<Browse.ProvinceCount> counts = new Browse(reader).provinces(filter, afterReform, 1, StoreReader.MAX_PAGE).items();
                if (json) {
                    out.println(new ObjectMapper().writeValueAsString(Map.of("after_2025_07", afterReform, "provinces", counts)));
                } else {
                    for (Browse.ProvinceCount c : counts) {
                        out.printf("%6d  %s (%s)%n", c.articles(), c.name(), Optional.ofNullable(c.code()).orElse("-"));
                    }
                }
                out.flush();
                return counts.isEmpty() ? LookupCommand.NOT_FOUND : ExitCodes.OK;
            }
            Page<StoreReader.SearchHit> found = new ArticleSearch(reader).find(
                    new ArticleSearch.Query(q, filter, sort, page, limit));
            List<StoreReader.SearchHit> hits = found.items();
            if (json) {
                Map<String, Object> o = new java.util.LinkedHashMap<>();
                o.put("query", q);
                o.put("total", found.total());
                o.put("page", found.page());
                o.put("pages", found.pages());
                o.put("results", hits);
                out.println(new ObjectMapper().writeValueAsString(o));
            } else {
                out.println(found.total() + " articles" + (found.total() > hits.size() ? ", page " + found.page() + " of "
                        + found.pages() + " (--page N for more)" : ""));
                for (StoreReader.SearchHit h : hits) {
                    out.println(Optional.ofNullable(h.published()).orElse("(no date)") + "  "
                            + Optional.ofNullable(h.title()).orElse("(untitled)") + "  [" + h.articleId() + "]");
                    StringBuilder s = new StringBuilder(h.snippet());
                    for (int i = h.highlights().size() - 1; i >= 0; i--) {
                        int[] r = h.highlights().get(i);
                        s.insert(r[1], ']').insert(r[0], '[');
                    }
                    out.println("    " + s);
                }
                if (hits.isEmpty()) {
                    out.println("no article contains \"" + q + "\"");
                }
            }
            out.flush();
            return hits.isEmpty() ? LookupCommand.NOT_FOUND : ExitCodes.OK;
        } catch (SQLException | StoreException | IOException e) {
            err.println("vnextract: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}

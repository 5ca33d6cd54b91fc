package org.vnextract.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vnextract.store.Database;
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

    @Option(names = "--province", paramLabel = "NAME",
            description = "Only articles whose place is this province, before or after the July 2025 reform (case and diacritics ignored).")
    String province;

    @Option(names = "--by-province", description = "Instead of searching, count the articles per place (province of their time).")
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
            if (byProvince) {
                List<StoreReader.ProvinceCount> counts = reader.provinces(afterReform);
                if (json) {
                    out.println(new ObjectMapper().writeValueAsString(Map.of("after_2025_07", afterReform, "provinces", counts)));
                } else {
                    for (StoreReader.ProvinceCount c : counts) {
                        out.printf("%6d  %s (%s)%n", c.articles(), c.name(), Optional.ofNullable(c.code()).orElse("-"));
                    }
                }
                out.flush();
                return counts.isEmpty() ? LookupCommand.NOT_FOUND : ExitCodes.OK;
            }
            if (q.isBlank()) {
                err.println("vnextract: search needs WORDS (or --by-province)");
                return ExitCodes.USAGE;
            }
            int lim = Math.max(1, Math.min(limit, StoreReader.MAX_PAGE));
            List<StoreReader.SearchHit> hits = reader.search(q, lim, (Math.max(1, page) - 1) * lim, province);
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(Map.of("query", q, "hits", hits)));
            } else {
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

package org.vnextract.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vnextract.store.Database;
import org.vnextract.store.LookupEvaluation;
import org.vnextract.store.StoreException;
import org.vnextract.store.StoreReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vnextract lookup}: a document by symbol (the document, then every citing article, newest
 * first, with the sentence of each mention), or an official by name (titles over time, articles).
 */
@Command(name = "lookup", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Look up a document by symbol, or an official by name.",
                "Symbols as people type them: 21-KL/TW, \"21 KL TW\", \"kết luận 21\", KL21/TW.",
                "Officials: --official \"Châu Ngọc Tuấn\" (case and tone-mark placement do not matter).",
                "--gold DIR measures document look-up against gold annotations instead.",
                "--graph gives the archive's directive graph in figures: documents by issuing level, relations by type,",
                "  and the documents with the most implementers (--level central: only central ones), each with its cascade by level.",
                "A symbol or name has at most " + StoreReader.MAX_QUERY + " characters (the same cap as the web page's)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:found (or the short form is ambiguous: the candidates are listed)", "1:the database could not be read",
                "2:usage error", "4:nothing found"})
public final class LookupCommand implements Callable<Integer> {
    static final int NOT_FOUND = 4;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SYMBOL", description = "The document symbol, as typed (words are joined).")
    List<String> symbol;

    @Option(names = "--official", paramLabel = "NAME", description = "Look up an official instead.")
    String official;

    @Option(names = "--gold", paramLabel = "DIR", description = "Measure look-up of every gold document id against DIR/*.json.")
    Path gold;

    @Option(names = "--graph", description = "The directive graph in figures, with the --top most implemented documents.")
    boolean graph;

    @Option(names = "--top", paramLabel = "N", description = "With --graph: documents to list (default ${DEFAULT-VALUE}).")
    int top = 10;

    @Option(names = "--level", paramLabel = "LEVEL", description = "With --graph: only documents of this issuing level"
            + " (central, province, district, commune).")
    String level;

    @Mixin
    DatabaseOption dbOption;

    @Option(names = "--limit", paramLabel = "N", description = "Articles to list (default ${DEFAULT-VALUE}, at most 100).")
    int limit = 20;

    @Option(names = "--json", description = "Print JSON (the same as the web API) instead of text.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int modes = (symbol != null && !symbol.isEmpty() ? 1 : 0) + (official != null ? 1 : 0) + (gold != null ? 1 : 0)
                + (graph ? 1 : 0);
        if (modes != 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give exactly one of: a document SYMBOL, --official NAME, --gold DIR, --graph");
        }
        if (level != null && !StoreReader.LEVELS.contains(level)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--level: one of " + String.join(", ", StoreReader.LEVELS));
        }
        String query = official != null ? official : symbol != null ? String.join(" ", symbol) : "";
        StoreReader.queryProblem(query).ifPresent(problem -> {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), (official != null ? "--official: " : "") + problem);
        });
        try (StoreReader reader = StoreReader.open(dbOption.database(), 1)) {
            int rc = graph ? graph(reader, out) : gold != null ? evaluate(reader, out) : official != null ? official(reader, out) : document(reader, out);
            out.flush();
            return rc;
        } catch (SQLException | StoreException | IOException e) {
            err.println("vnextract: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private int document(StoreReader reader, PrintWriter out) throws IOException {
        String q = String.join(" ", symbol);
        StoreReader.DocumentLookup l = reader.lookupDocument(q);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("query", q);
            m.put("ambiguous", l.ambiguous());
            m.put("matches", l.matches());
            if (l.matches().size() == 1) {
                m.put("citations", reader.citations(l.matches().get(0).key(), limit, 0));
                m.put("cascade", reader.cascade(l.matches().get(0).key()).orElse(null));
            }
            out.println(new ObjectMapper().writeValueAsString(m));
            return l.matches().isEmpty() ? NOT_FOUND : ExitCodes.OK;
        }
        if (l.matches().isEmpty()) {
            out.println(l.parts().number() == null || (l.parts().type().isEmpty() && l.parts().issuer().isEmpty())
                    ? "\"" + q + "\" is not a document symbol (it needs a number and a type: 21-KL/TW, kết luận 21)"
                    : "no document " + q + " in the database");
            return NOT_FOUND;
        }
        if (l.ambiguous()) {
            out.println("\"" + q + "\" is ambiguous: " + l.matches().size() + " documents match; give the full symbol,"
                    + " with @PLACE for a local one:");
            for (StoreReader.DocumentInfo d : l.matches()) {
                out.printf("  %-28s %s · %s (%d articles)%n", d.label(), scope(d), describe(d), d.articleCount());
            }
            return ExitCodes.OK;
        }
        StoreReader.DocumentInfo d = l.matches().get(0);
        out.println(d.label() + "  " + describe(d));
        out.println("  " + scope(d));
        if (d.subject() != null) {
            out.println("  " + d.subject());
        }
        reader.cascade(d.key()).ifPresent(c -> cascade(out, c));
        out.println("cited by " + d.articleCount() + " article" + (d.articleCount() == 1 ? "" : "s") + ", newest first:");
        for (StoreReader.Citation c : reader.citations(d.key(), limit, 0)) {
            out.println();
            out.println(Optional.ofNullable(c.published()).orElse("(no date)") + "  "
                    + Optional.ofNullable(c.title()).orElse("(untitled)") + "  [" + c.articleId() + "]");
            if (c.uri() != null) {
                out.println("  " + c.uri());
            }
            for (StoreReader.MentionSentence m : c.mentions()) {
                String s = m.sentence();
                out.println("    " + s.substring(0, m.start()) + "[" + s.substring(m.start(), m.end()) + "]" + s.substring(m.end()));
            }
        }
        if (d.articleCount() > limit) {
            out.println();
            out.println("(" + (d.articleCount() - Math.min(limit, 100)) + " more; --limit N shows more)");
        }
        return ExitCodes.OK;
    }

    private int graph(StoreReader reader, PrintWriter out) throws IOException {
        StoreReader.Graph g = reader.graph(top, level);
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(g));
            return ExitCodes.OK;
        }
        out.println(g.articles() + " articles, " + g.documents() + " documents (" + figures(g.documentsByLevel()) + ")");
        out.println("relations: " + figures(g.relations()) + " (distinct pairs); stated " + figures(g.statements())
                + " times in " + g.articlesWithRelations() + " articles");
        if (g.mostImplemented().isEmpty()) {
            out.println("no " + (level == null ? "" : level + " ") + "document has an implementer");
            return ExitCodes.OK;
        }
        out.println("most implemented" + (level == null ? "" : " " + level) + " documents"
                + " (direct implementers, articles stating them; whole tree by level):");
        for (StoreReader.Implemented i : g.mostImplemented()) {
            out.printf("  %-28s %3d %3d  %s  [%s]%n", i.document().label(), i.directImplementers(), i.articles(),
                    figures(i.implementersByLevel()), scope(i.document()));
        }
        return ExitCodes.OK;
    }

    private static String figures(Map<String, Integer> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() > 0 ? ", " : "").append(k).append(' ').append(v));
        return sb.length() == 0 ? "none" : sb.toString();
    }

    private static final Map<String, String> LEVELS = Map.of("central", "central", "province", "province",
            "district", "district", "commune", "commune");

    private static String scope(StoreReader.DocumentInfo d) {
        String level = d.level() == null ? "level unknown" : LEVELS.getOrDefault(d.level(), d.level());
        return "central".equals(d.level()) ? level : level + " · " + (d.place() == null ? "place unknown" : d.place());
    }

    private static void cascade(PrintWriter out, StoreReader.Cascade c) {
        if (!c.implementsDocuments().isEmpty()) {
            out.println("implements:");
            c.implementsDocuments().forEach(d -> out.println("  " + line(d)));
        }
        if (c.implementers().isEmpty()) {
            out.println("implemented by: none stated in the archive");
        } else {
            StringBuilder levels = new StringBuilder();
            c.implementersByLevel().forEach((k, v) -> levels.append(levels.length() > 0 ? ", " : "").append(k).append(' ').append(v));
            out.println("implemented by (" + levels + "):");
            tree(out, c.implementers(), "  ");
        }
        if (!c.amendedBy().isEmpty()) {
            out.println("amended, supplemented or replaced by:");
            c.amendedBy().forEach(d -> out.println("  " + line(d)));
        }
        if (!c.amends().isEmpty()) {
            out.println("amends:");
            c.amends().forEach(d -> out.println("  " + line(d)));
        }
        if (!c.timeline().isEmpty()) {
            out.println("citing articles by month:");
            for (StoreReader.MonthCount m : c.timeline()) {
                out.printf("  %s %3d %s%n", m.month(), m.articles(), "#".repeat(Math.min(60, m.articles())));
            }
        }
        if (c.undated() > 0) {
            out.println("  (" + c.undated() + " citing articles without a date)");
        }
    }

    private static void tree(PrintWriter out, List<StoreReader.CascadeNode> nodes, String indent) {
        for (StoreReader.CascadeNode n : nodes) {
            out.println(indent + "- " + line(n.document()));
            tree(out, n.implementers(), indent + "  ");
        }
    }

    private static String line(StoreReader.DocumentInfo d) {
        return d.label() + "  [" + scope(d) + "]  " + describe(d);
    }

    private static String describe(StoreReader.DocumentInfo d) {
        StringBuilder sb = new StringBuilder();
        for (String s : new String[] {d.typeName() != null ? d.typeName() : d.type(), d.issuer() != null ? d.issuer() : d.issuerCode(),
                d.date()}) {
            if (s != null) {
                sb.append(sb.length() > 0 ? " · " : "").append(s);
            }
        }
        return sb.toString();
    }

    private int official(StoreReader reader, PrintWriter out) throws IOException {
        StoreReader.OfficialLookup l = reader.lookupOfficial(official, 20);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("query", official);
            m.put("exact", l.exact());
            m.put("matches", l.matches());
            if (l.exact() && l.matches().size() == 1) {
                m.put("official", reader.official(l.matches().get(0).key(), limit, 0).orElse(null));
            }
            out.println(new ObjectMapper().writeValueAsString(m));
            return l.matches().isEmpty() ? NOT_FOUND : ExitCodes.OK;
        }
        if (l.matches().isEmpty()) {
            out.println("no official named \"" + official + "\" in the database");
            return NOT_FOUND;
        }
        if (!l.exact() || l.matches().size() > 1) {
            out.println((l.exact() ? "several officials are named" : "no official is named exactly") + " \"" + official + "\"; did you mean:");
            for (StoreReader.OfficialInfo o : l.matches()) {
                out.printf("  %-40s %s (%d articles)%n", o.key(), o.place() == null ? "place unknown" : o.place(), o.articleCount());
            }
            return ExitCodes.OK;
        }
        StoreReader.OfficialView v = reader.official(l.matches().get(0).key(), limit, 0).orElseThrow();
        out.println(v.official().key() + "  (" + v.official().articleCount() + " articles)");
        out.println("titles over time:");
        for (StoreReader.TitleSpan t : v.titles()) {
            String when = t.first() == null ? "(no date)" : t.first().equals(t.last()) ? t.first() : t.first() + " … " + t.last();
            out.printf("  %-28s %s (%d articles: %s)%n", when, t.title(), t.articles(), String.join(", ", t.dates()));
        }
        out.println("articles, newest first:");
        for (StoreReader.OfficialArticle a : v.articles()) {
            out.println("  " + Optional.ofNullable(a.published()).orElse("(no date)") + "  "
                    + Optional.ofNullable(a.title()).orElse("(untitled)") + "  [" + a.articleId() + "]"
                    + (a.titles().isEmpty() ? "" : "  — " + String.join("; ", a.titles())));
        }
        return ExitCodes.OK;
    }

    private int evaluate(StoreReader reader, PrintWriter out) throws IOException {
        LookupEvaluation.Result r = LookupEvaluation.run(reader, gold);
        for (LookupEvaluation.Row row : r.rows()) {
            boolean ok = row.missed().isEmpty() && row.extra().isEmpty();
            out.printf("%-4s %-22s gold %s%s%s%s%n", ok ? "ok" : "MISS", row.id(), row.gold(),
                    row.missed().isEmpty() ? "" : "  missed " + row.missed(),
                    row.extra().isEmpty() ? "" : "  extra " + row.extra(), row.ambiguous() ? "  (ambiguous)" : "");
        }
        out.printf("document ids: %d; (id, article) pairs: tp %d fp %d fn %d; precision %.3f recall %.3f%n",
                r.rows().size(), r.truePositives(), r.falsePositives(), r.falseNegatives(), r.precision(), r.recall());
        return ExitCodes.OK;
    }
}

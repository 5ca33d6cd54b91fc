package org.vnextract.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vnextract.store.ArticleFilter;
import org.vnextract.store.CsvWriter;
import org.vnextract.store.StoreException;
import org.vnextract.store.StoreReader;
import org.vnextract.store.Stats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vnextract stats}: citations and mentions per month, province, outlet, document or official. */
@Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Count articles, document citations and official mentions per group.",
                "articles: distinct articles; citations: (article, document) pairs; mentions: (article, official) pairs.",
                "--document narrows the articles to those citing it and the citations to it; --official likewise for mentions."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:the database could not be read or the output written", "2:usage error",
                "4:the document or official is not in the database"})
public final class StatsCommand implements Callable<Integer> {
    enum Format { table, csv, json }

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption dbOption;

    @Mixin
    FilterOptions filterOptions;

    @Option(names = "--by", paramLabel = "GROUP", description = "month, province, outlet, document or official (default ${DEFAULT-VALUE}).")
    String by = "month";

    @Option(names = "--document", paramLabel = "SYMBOL", description = "Only the citations of this document (21-KL/TW, \"kết luận 21\").")
    String document;

    @Option(names = "--official", paramLabel = "NAME", description = "Only the mentions of this official.")
    String official;

    @Option(names = "--format", paramLabel = "table|csv|json", description = "Output (default ${DEFAULT-VALUE}).")
    Format format = Format.table;

    @Option(names = "--excel", description = "CSV with a byte-order mark, so that Excel reads it as UTF-8.")
    boolean excel;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file (default, or '-': standard output).")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Stats.By group;
        ArticleFilter filter;
        try {
            group = Stats.By.valueOf(by.strip().toUpperCase(java.util.Locale.ROOT));
            filter = filterOptions.filter();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() != null && e.getMessage().contains("until")
                    ? e.getMessage() : "--by must be month, province, outlet, document or official");
        }
        try (StoreReader reader = StoreReader.open(dbOption.database(), 1)) {
            String docKey = null;
            String officialKey = null;
            if (document != null) {
                StoreReader.DocumentLookup l = reader.lookupDocument(document);
                if (l.matches().size() != 1) {
                    err.println("vnextract: " + document + ": " + (l.matches().isEmpty() ? "no such document in the database"
                            : "names " + l.matches().size() + " documents (" + String.join(", ",
                                    l.matches().stream().map(StoreReader.DocumentInfo::id).toList()) + "); give the full symbol"));
                    return LookupCommand.NOT_FOUND;
                }
                docKey = l.matches().get(0).key();
            }
            if (official != null) {
                StoreReader.OfficialLookup l = reader.lookupOfficial(official, 10);
                if (!l.exact() || l.matches().size() != 1) {
                    err.println("vnextract: " + official + ": " + (l.matches().isEmpty() ? "no such official in the database"
                            : "not one official; did you mean " + String.join(", ",
                                    l.matches().stream().map(StoreReader.OfficialInfo::name).limit(5).toList()) + "?"));
                    return LookupCommand.NOT_FOUND;
                }
                officialKey = l.matches().get(0).key();
            }
            Stats.Table t = new Stats(reader).compute(group, filter, docKey, officialKey);
            if (output == null || output.toString().equals("-")) {
                PrintWriter out = spec.commandLine().getOut();
                write(t, out);
                out.flush();
            } else {
                try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    write(t, w);
                }
            }
            return ExitCodes.OK;
        } catch (SQLException | StoreException | IOException e) {
            err.println("vnextract: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private void write(Stats.Table t, Writer out) throws IOException {
        switch (format) {
            case csv -> {
                CsvWriter csv = new CsvWriter(out, excel);
                csv.row(Stats.Table.COLUMNS);
                for (Stats.Row r : t.rows()) {
                    csv.row(r.key(), r.label(), r.articles(), r.citations(), r.mentions());
                }
                csv.flush();
            }
            case json -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("by", t.by().label());
                o.put("filter", filterJson(t.filter()));
                o.put("document", t.document());
                o.put("official", t.official());
                o.put("rows", t.rows());
                out.write(new ObjectMapper().writeValueAsString(o));
                out.write(System.lineSeparator());
            }
            default -> table(t, out);
        }
    }

    /** The filter as JSON shows it: ISO dates as strings, nulls kept so the keys are always there. */
    static Map<String, Object> filterJson(ArticleFilter f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("since", f.since() == null ? null : f.since().toString());
        m.put("until", f.until() == null ? null : f.until().toString());
        m.put("site", f.site());
        m.put("province", f.province());
        return m;
    }

    private static void table(Stats.Table t, Writer out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {t.by().label(), "articles", "citations", "mentions"});
        long a = 0;
        long c = 0;
        long m = 0;
        for (Stats.Row r : t.rows()) {
            rows.add(new String[] {r.label() == null ? "(none)" : r.label(), String.valueOf(r.articles()),
                    String.valueOf(r.citations()), String.valueOf(r.mentions())});
            a += r.articles();
            c += r.citations();
            m += r.mentions();
        }
        if (t.by() == Stats.By.MONTH || t.by() == Stats.By.OUTLET) { // other groups overlap: their sum is no total
            rows.add(new String[] {"total", String.valueOf(a), String.valueOf(c), String.valueOf(m)});
        }
        int w0 = 0;
        for (String[] r : rows) {
            w0 = Math.max(w0, Math.min(60, r[0].codePointCount(0, r[0].length())));
        }
        for (String[] r : rows) {
            String label = r[0].codePointCount(0, r[0].length()) > 60 ? r[0].substring(0, r[0].offsetByCodePoints(0, 59)) + "…" : r[0];
            StringBuilder line = new StringBuilder(label);
            line.append(" ".repeat(Math.max(0, w0 - label.codePointCount(0, label.length()))));
            for (int i = 1; i < 4; i++) {
                line.append(String.format("  %9s", r[i]));
            }
            out.write(line.toString().stripTrailing());
            out.write(System.lineSeparator());
        }
    }
}

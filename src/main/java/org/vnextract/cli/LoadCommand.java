package org.vnextract.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.vnextract.record.ArticleRecord;
import org.vnextract.record.RecordJson;
import org.vnextract.store.Database;
import org.vnextract.store.RecordStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vnextract load}: records (JSON Lines, as {@code extract} writes them) into the database,
 * upserted by record id, one transaction per batch. A line that is not a record gives one error
 * line and the load goes on. With no files it only creates or migrates the database.
 */
@Command(name = "load", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Load records into the database (SQLite file or PostgreSQL).",
                "Records are JSON Lines as extract writes them, optionally gzipped; - is standard input.",
                "Loading a record again replaces it; each batch is one transaction."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every record was loaded", "1:the database could not be opened or written",
                "2:usage error", "3:some lines were not records (the others are loaded)"})
public final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "RECORDS", description = "JSON Lines files of records, or - for standard input.")
    List<String> files = new ArrayList<>();

    @Mixin
    DatabaseOption dbOption;

    @Option(names = "--province", paramLabel = "NAME",
            description = "Load only the records whose place is this province, before or after the July 2025 reform"
                    + " (case and diacritics ignored).")
    String province;

    @Option(names = "--batch", paramLabel = "N", description = "Records per transaction (default ${DEFAULT-VALUE}).")
    int batch = RecordStore.DEFAULT_BATCH;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (batch < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--batch must be at least 1");
        }
        long t0 = System.nanoTime();
        RecordJson json = new RecordJson();
        int bad = 0;
        Database database = dbOption.database();
        try (RecordStore store = RecordStore.open(database, batch, org.vnextract.pipeline.ModelSource.bundled())) {
            for (String f : files) {
                try (BufferedReader in = open(f)) {
                    bad += load(f, in, json, store, province, err);
                } catch (java.nio.file.NoSuchFileException e) {
                    err.println(ErrorLine.of(f, "no such file or directory"));
                    bad++;
                } catch (java.nio.file.InvalidPathException e) {
                    err.println(ErrorLine.of(f, org.vnextract.ingest.Sources.unencodableName()));
                    bad++;
                } catch (java.nio.file.AccessDeniedException e) {
                    err.println(ErrorLine.of(f, "cannot read: permission denied"));
                    bad++;
                }
            }
            store.commit();
            if (verbosity.level() >= 0) {
                err.printf("vnextract: loaded %d records into %s (%.1f s)%n", store.stored(), database.describe(),
                        (System.nanoTime() - t0) / 1e9);
            }
        } catch (SQLException e) {
            throw new Failure(ExitCodes.FAILED, database.describe(), e.getMessage(), e);
        }
        err.flush();
        return bad > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
    }

    /**
     * Loads one file's records; returns how many lines were rejected. A file of articles (what
     * {@code extract} reads, not what it writes) gets one line saying so, not one error per line.
     */
    private static int load(String f, BufferedReader in, RecordJson json, RecordStore store, String province,
            PrintWriter err)
            throws IOException, SQLException {
        String line;
        long n = 0;
        int bad = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode node;
            try {
                node = json.mapper().readTree(line);
            } catch (IOException e) {
                err.println(ErrorLine.of(f + ":" + n, "not a record: malformed JSON: " + firstLine(e.getMessage())));
                bad++;
                continue;
            }
            String problem = notARecord(node);
            if (problem != null && looksLikeAnArticle(node)) {
                err.println(ErrorLine.of(f + ":" + n, "an article, not a record; run 'vnextract extract " + f
                        + " -o records.jsonl' first, then load records.jsonl (the rest of this file is skipped)"));
                return bad + 1;
            }
            if (problem != null) {
                err.println(ErrorLine.of(f + ":" + n, "not a record: " + problem));
                bad++;
                continue;
            }
            ArticleRecord r;
            try {
                r = json.mapper().treeToValue(node, ArticleRecord.class);
            } catch (IOException e) {
                err.println(ErrorLine.of(f + ":" + n, "not a record: " + firstLine(e.getMessage())));
                bad++;
                continue;
            }
            if (province != null && !inProvince(r, province)) {
                continue;
            }
            store.write(r);
        }
        return bad;
    }

    /** What a line lacks to be a record as {@code extract} writes it, or null. */
    static String notARecord(com.fasterxml.jackson.databind.JsonNode n) {
        if (n == null || !n.isObject()) {
            return "not a JSON object";
        }
        com.fasterxml.jackson.databind.JsonNode schema = n.get("schema");
        if (schema == null || !schema.isTextual() || !schema.asText().startsWith("vnextract.record/")) {
            return "no \"schema\": \"" + ArticleRecord.SCHEMA + "\"";
        }
        com.fasterxml.jackson.databind.JsonNode id = n.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            return "record without an id";
        }
        com.fasterxml.jackson.databind.JsonNode article = n.get("article");
        if (article == null || !article.isObject() || article.get("text") == null || !article.get("text").isTextual()) {
            return "record without article.text";
        }
        if (n.get("source") == null || !n.get("source").isObject()) {
            return "record without source";
        }
        return null;
    }

    /** An article as {@code extract} reads it: a text, html or body field and no record schema. */
    private static boolean looksLikeAnArticle(com.fasterxml.jackson.databind.JsonNode n) {
        return n != null && n.isObject() && n.get("schema") == null
                && (n.has("text") || n.has("html") || n.has("body") || n.has("content"));
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }

    private static BufferedReader open(String f) throws IOException {
        InputStream in = f.equals("-") ? System.in : Files.newInputStream(Path.of(f));
        if (f.endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** True when the record's place, or the province covering it after the reform, is {@code province}. */
    static boolean inProvince(ArticleRecord r, String province) {
        if (r.place() == null) {
            return false;
        }
        String k = RecordStore.provinceKey(province);
        return k.equals(RecordStore.provinceKey(r.place().name()))
                || (r.place().after() != null && k.equals(RecordStore.provinceKey(r.place().after().name())));
    }
}

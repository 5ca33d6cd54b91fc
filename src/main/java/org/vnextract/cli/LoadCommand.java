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
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (batch < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--batch must be at least 1");
        }
        long t0 = System.nanoTime();
        RecordJson json = new RecordJson();
        int bad = 0;
        long read = 0;
        Database database;
        try {
            database = dbOption.database();
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (RecordStore store = RecordStore.open(database, batch, org.vnextract.pipeline.ModelSource.bundled())) {
            for (String f : files) {
                try (BufferedReader in = open(f)) {
                    String line;
                    long n = 0;
                    while ((line = in.readLine()) != null) {
                        n++;
                        if (line.isBlank()) {
                            continue;
                        }
                        ArticleRecord r;
                        try {
                            r = json.fromLine(line);
                        } catch (IOException e) {
                            err.println("vnextract: " + f + ":" + n + ": not a record: " + firstLine(e.getMessage()));
                            bad++;
                            continue;
                        }
                        if (r.id() == null || r.id().isBlank()) {
                            err.println("vnextract: " + f + ":" + n + ": record without an id");
                            bad++;
                            continue;
                        }
                        if (province != null && !inProvince(r, province)) {
                            continue;
                        }
                        store.write(r);
                        read++;
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    err.println("vnextract: " + f + ": no such file");
                    bad++;
                }
            }
            store.commit();
            if (verbosity.level() >= 0) {
                err.printf("vnextract: loaded %d records into %s (%.1f s)%n", store.stored(), database.describe(),
                        (System.nanoTime() - t0) / 1e9);
            }
        } catch (SQLException | IOException e) {
            err.println("vnextract: " + database.describe() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        err.flush();
        return bad > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
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

package org.vnextract.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vnextract.store.ArticleFilter;
import org.vnextract.store.Database;
import org.vnextract.store.ParquetExport;
import org.vnextract.store.StoreException;
import org.vnextract.store.StoreReader;
import org.vnextract.store.TableExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vnextract export}: the tables as CSV or Parquet files, or the records as JSON Lines. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write the database out for other tools (CSV or Parquet tables, or JSON Lines records).",
                "--format csv|parquet writes one TABLE.csv|TABLE.parquet per table into a directory, with the flat",
                "tables officials_flat (name, title, article date, site, place) and citations_flat;",
                "--format jsonl writes every record (as loaded) to a file or standard output.",
                "--since/--until/--site/--province keep the rows of the articles they select."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:the database could not be read or the output written", "2:usage error"})
public final class ExportCommand implements Callable<Integer> {
    enum Format { csv, jsonl, parquet }

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption dbOption;

    @Mixin
    FilterOptions filterOptions;

    @Option(names = "--format", required = true, paramLabel = "csv|jsonl|parquet", description = "csv, jsonl or parquet.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "csv, parquet: the directory (default vnextract-export); jsonl: the file (default standard output).")
    Path output;

    @Option(names = "--excel", description = "csv: start each file with a byte-order mark, so that Excel reads it as UTF-8.")
    boolean excel;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ArticleFilter filter;
        try {
            filter = filterOptions.filter();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (excel && format != Format.csv) {
            throw new ParameterException(spec.commandLine(), "--excel applies to --format csv");
        }
        Database database = dbOption.database();
        try (StoreReader reader = StoreReader.open(database, 1)) {
            TableExport ex = new TableExport(reader, filter);
            long started = System.nanoTime();
            if (format == Format.csv) {
                Path dir = output == null ? Path.of("vnextract-export") : output;
                long n = ex.csv(dir, excel);
                err.println("vnextract: " + n + " rows written to " + dir + "/*.csv");
            } else if (format == Format.parquet) {
                Path dir = output == null ? Path.of("vnextract-export") : output;
                Map<String, Long> rows = new ParquetExport(ex).write(dir);
                long bytes = 0;
                for (String t : rows.keySet()) {
                    bytes += Files.size(dir.resolve(t + ".parquet"));
                }
                err.printf("vnextract: %d rows (%d articles) written to %s/*.parquet, %.1f MB in %.1f s%n",
                        rows.values().stream().mapToLong(Long::longValue).sum(), rows.get("articles"), dir,
                        bytes / 1e6, (System.nanoTime() - started) / 1e9);
            } else if (output == null) {
                spec.commandLine().getOut().flush();
                long n = ex.jsonl(System.out);
                System.out.flush();
                err.println("vnextract: " + n + " records written");
            } else {
                Path tmp = Files.createTempFile(output.toAbsolutePath().getParent(), ".export.", ".part");
                long n;
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    n = ex.jsonl(out);
                }
                Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                err.println("vnextract: " + n + " records written to " + output);
            }
        } catch (SQLException | StoreException | IOException e) {
            err.println("vnextract: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}

package org.vnextract.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.vnextract.store.Database;
import org.vnextract.store.Exporter;
import org.vnextract.store.StoreException;
import org.vnextract.store.StoreReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vnextract export}: the tables as CSV files, or the records as JSON Lines. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write the database out for other tools (CSV tables or JSON Lines records).",
                "--format csv writes one TABLE.csv per table into a directory;",
                "--format jsonl writes every record (as loaded) to a file or standard output."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:the database could not be read or the output written", "2:usage error"})
public final class ExportCommand implements Callable<Integer> {
    enum Format { csv, jsonl }

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption dbOption;

    @Option(names = "--format", required = true, paramLabel = "csv|jsonl", description = "csv or jsonl.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "csv: the directory (default vnextract-export); jsonl: the file (default standard output).")
    Path output;

    @Option(names = "--province", paramLabel = "NAME",
            description = "jsonl: only the articles whose place is this province, before or after the July 2025 reform"
                    + " (case and diacritics ignored).")
    String province;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Database database = dbOption.database();
        try (StoreReader reader = StoreReader.open(database, 1)) {
            Exporter ex = new Exporter(reader);
            if (format == Format.csv && province != null) {
                err.println("vnextract: --province filters --format jsonl; the csv tables carry every article's place"
                        + " (articles.place_name, place_after_name) to group by");
                return ExitCodes.USAGE;
            }
            if (format == Format.csv) {
                Path dir = output == null ? Path.of("vnextract-export") : output;
                long n = ex.csv(dir);
                err.println("vnextract: " + n + " rows written to " + dir + "/*.csv");
            } else if (output == null) {
                spec.commandLine().getOut().flush();
                // file descriptor 1 itself, not System.out, which would swallow a full disk or a closed pipe
                OutputStream stdout = new BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16);
                long n;
                try {
                    n = ex.jsonl(stdout, province);
                    stdout.flush();
                } catch (IOException e) {
                    throw new Failure(ExitCodes.FAILED, "standard output", "cannot write: " + e.getMessage(), e);
                }
                err.println("vnextract: " + n + " records written");
            } else {
                long n = writeAtomically(output, ex, province);
                err.println("vnextract: " + n + " records written to " + output);
            }
        } catch (SQLException | StoreException e) {
            throw new Failure(ExitCodes.FAILED, database.describe(), e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    /** Through a temporary file renamed at the end, as extract writes: nothing is left behind on failure. */
    private static long writeAtomically(Path output, Exporter ex, String province) throws IOException, SQLException {
        org.vnextract.sink.JsonlSink.checkWritable(output);
        Path abs = output.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + ".export.part");
        boolean moved = false;
        try {
            long n;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                n = ex.jsonl(out, province);
            }
            Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            return n;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}

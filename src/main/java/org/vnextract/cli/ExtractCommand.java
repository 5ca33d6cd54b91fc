package org.vnextract.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.vnextract.Vnextract;
import org.vnextract.batch.BatchRunner;
import org.vnextract.batch.Progress;
import org.vnextract.batch.ResumableOutput;
import org.vnextract.batch.SourceCounter;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Rejected;
import org.vnextract.ingest.Sources;
import org.vnextract.internal.Sha256;
import org.vnextract.pipeline.PipelineException;
import org.vnextract.record.ArticleRecord;
import org.vnextract.sink.JsonlSink;
import org.vnextract.sink.RecordSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vnextract extract}: one JSON record per article, in input order (or as ready, with
 * {@code --unordered}). A source that cannot be read, or takes longer than the time limit, gives
 * one line {@code vnextract: SOURCE: REASON} on standard error and the batch goes on. With
 * {@code --resume}, output goes to {@code FILE.part} with a checkpoint journal, so a killed run
 * continues where it stopped (see {@link ResumableOutput}).
 */
@Command(name = "extract", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Extract records from articles: .txt, .html/.htm, .jsonl (one article per line with a",
                "'text' or 'html' field), .warc (HTML responses of a web archive), any of them gzipped;",
                "directories are read recursively; - is standard input."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every input was processed", "1:the run failed (output not writable, models missing)",
                "2:usage error", "3:some inputs were rejected (the others are written)"})
public final class ExtractCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, directories, or - for standard input.")
    List<String> paths;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write JSON Lines to FILE (atomically: a temporary file renamed at the end). Default, or '-': standard output.")
    Path output;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all cores (${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--db", paramLabel = "URL",
            description = "Write the records into a database instead: a SQLite file or a JDBC URL (jdbc:postgresql://HOST/DB?user=…)."
                    + " Loading is idempotent (upsert by record id), so re-running after a crash needs no --resume.")
    String db;

    @Option(names = "--unordered", description = "Write records as they are ready instead of in input order (faster when article sizes vary).")
    boolean unordered;

    @Option(names = "--max-seconds-per-article", paramLabel = "N",
            description = "Abandon an article still running after N seconds (an error line; the batch goes on). 0: no limit. Default: ${DEFAULT-VALUE}.")
    int maxSecondsPerArticle = 30;

    @Option(names = "--resume",
            description = {"With -o FILE: keep partial output in FILE.part and a checkpoint journal FILE.journal, so that",
                    "running the same command again after a crash or kill continues where it stopped."})
    boolean resume;

    @Option(names = "--progress-seconds", paramLabel = "N", hidden = true,
            description = "Seconds between plain progress lines when standard error is not a terminal. Default: ${DEFAULT-VALUE}.")
    int progressSeconds = 10;

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        if (maxSecondsPerArticle < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-seconds-per-article must be 0 or more");
        }
        if (progressSeconds < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--progress-seconds must be at least 1");
        }
        if (output != null && output.toString().equals("-")) {
            output = null; // the Unix convention: "-o -" is standard output, not a file named "-"
        }
        if (resume && output == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--resume needs -o FILE");
        }
        pipeline.validate(spec.commandLine());
        if (db != null && (output != null || resume)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--db writes to a database; it goes with neither -o nor --resume");
        }
        if (db != null) {
            try {
                org.vnextract.store.Database.of(db);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--db: " + e.getMessage().replaceFirst("^'db' ", ""));
            }
        }
        if (output != null) {
            JsonlSink.checkWritable(output); // before the models load: a typo in -o fails at once
        }
        long t0 = System.nanoTime();
        Vnextract vx = pipeline.build();
        long[] counts = new long[2];
        ResumableOutput journalled = null;
        RecordSink sink = null;
        Thread counter = null;
        int level = verbosity.level();
        try {
            if (resume) {
                journalled = ResumableOutput.open(output, inputKey());
                counts[1] = journalled.resumedRejected();
                if (level >= 1 && journalled.resumedPositions() > 0) {
                    err.printf("vnextract: resuming: %d inputs already done%n", journalled.resumedPositions());
                }
            } else {
                sink = db != null ? openStore(db)
                        : output == null ? JsonlSink.toWriter(StandardOutput.checked(spec.commandLine().getOut()))
                        : JsonlSink.toFile(output);
            }
            ResumableOutput res = journalled;
            RecordSink out = sink;
            BatchRunner.Builder b = BatchRunner.builder(vx).threads(threads).ordered(!unordered)
                    .maxSecondsPerArticle(maxSecondsPerArticle);
            if (res != null) {
                b.skip(res::isDone);
            }
            try (Sources sources = Sources.open(paths, pipeline.limits(), System.in);
                 BatchRunner runner = b.build();
                 Progress progress = level < 0 ? Progress.none()
                         : Progress.start(err, Progress.stderrIsTerminal(), progressSeconds * 1000L,
                                 res == null ? 0 : res.resumedPositions())) {
                counter = new Thread(() -> {
                    OptionalLong n = new SourceCounter().count(paths);
                    n.ifPresent(progress::total);
                }, "vnextract-count");
                counter.setDaemon(true);
                if (level >= 0) {
                    counter.start();
                }
                runner.run(sources, new BatchRunner.Handler() {
                    @Override
                    public void record(long position, RawDocument source, ArticleRecord record) throws Exception {
                        try {
                            if (res != null) {
                                res.write(position, record);
                            } else {
                                out.write(record);
                            }
                        } catch (java.io.IOException e) {
                            throw writeFailure(e);
                        }
                        counts[0]++;
                        progress.step();
                    }

                    @Override
                    public void rejected(long position, Rejected r) throws Exception {
                        err.println(ErrorLine.of(r.source(), r.reason()));
                        if (r.cause() != null && level >= 2) {
                            r.cause().printStackTrace(err);
                        }
                        if (res != null) {
                            res.rejected(position);
                        }
                        counts[1]++;
                        progress.step();
                    }
                });
            }
            try {
                if (res != null) {
                    res.finish();
                } else if (counts[0] == 0 && counts[1] > 0 && output != null) {
                    // every source was rejected: no empty file, and an earlier good one is left as it was
                    sink.close();
                } else {
                    sink.commit();
                    sink.close();
                }
                if (res != null) {
                    res.close();
                }
            } catch (java.io.IOException e) {
                throw writeFailure(e);
            }
        } catch (java.sql.SQLException e) {
            throw new Failure(ExitCodes.FAILED, org.vnextract.store.Database.of(db).describe(), e.getMessage(), e);
        } catch (ResumableOutput.ResumeMismatch e) {
            throw new Failure(ExitCodes.FAILED, String.valueOf(output), "cannot resume: " + e.getMessage(), e);
        } finally {
            if (counter != null) {
                counter.interrupt();
            }
            closeQuietly(journalled, err, level);
            closeQuietly(sink, err, level);
        }
        if (level >= 1) {
            err.printf("vnextract: %d records, %d rejected, %.1f s%n", counts[0], counts[1], (System.nanoTime() - t0) / 1e9);
        }
        err.flush();
        return counts[1] > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
    }

    /** A write that failed: the run stops with one line naming where the records were going. */
    private Failure writeFailure(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            return Failure.of(e);
        }
        String where = db != null ? org.vnextract.store.Database.of(db).describe()
                : output == null ? "standard output" : output.toString();
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Failure(ExitCodes.FAILED, where, "cannot write: " + why, e);
    }

    /**
     * Closing after a failure must neither hide the failure nor print a second error: a close that
     * fails too (the disk is still full) is only shown under -vv. The sinks remove their temporary
     * files whatever happens.
     */
    private static void closeQuietly(java.io.Closeable c, PrintWriter err, int level) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (java.io.IOException | RuntimeException e) {
            if (level >= 2) {
                err.println("vnextract: while closing after the error above:");
                e.printStackTrace(err);
            }
        }
    }

    /** What a resumed run must share with the run it resumes: the inputs and the options that shape records. */
    private String inputKey() {
        StringBuilder sb = new StringBuilder();
        for (String p : paths) {
            String key;
            try {
                key = p.equals("-") ? "-" : Path.of(p).toAbsolutePath().normalize().toString();
            } catch (java.nio.file.InvalidPathException e) {
                key = p; // rejected when read; the name as given still identifies the input
            }
            sb.append(key).append('\n');
        }
        sb.append(pipeline.maxBytes).append(' ').append(pipeline.maxGzipRatio).append(' ').append(pipeline.maxChars)
                .append(' ').append(pipeline.maxHtmlDepth).append(' ').append(pipeline.maxSentenceTokens)
                .append(' ').append(pipeline.extractors).append(' ').append(pipeline.models)
                .append(' ').append(Vnextract.VERSION);
        return Sha256.hex(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The database sink; its SQL errors surface as I/O errors of the batch, with the database named. */
    private static RecordSink openStore(String db) throws java.sql.SQLException {
        return org.vnextract.store.RecordStore.open(db);
    }
}

package org.vnextract.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vnextract.Vnextract;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Rejected;
import org.vnextract.ingest.Sources;
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
 * {@code vnextract extract}: one JSON record per article, in input order. A source that cannot be
 * read gives one line {@code vnextract: SOURCE: REASON} on standard error and the batch goes on.
 */
@Command(name = "extract", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Extract records from articles: .txt, .html/.htm, .jsonl (one article per line with a",
                "'text' or 'html' field), any of them gzipped; directories are read recursively; - is standard input."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every input was processed", "1:the run failed (output not writable, models missing)",
                "2:usage error", "3:some inputs were rejected (the others are written)"})
public final class ExtractCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, directories, or - for standard input.")
    List<String> paths;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write JSON Lines to FILE (atomically: a temporary file renamed at the end). Default: standard output.")
    Path output;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all cores (${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

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
        pipeline.validate(spec.commandLine());
        long t0 = System.nanoTime();
        Vnextract vx;
        try {
            vx = pipeline.build();
        } catch (PipelineException e) {
            err.println("vnextract: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        int[] counts = new int[2];
        try (RecordSink sink = output == null ? JsonlSink.toWriter(spec.commandLine().getOut()) : JsonlSink.toFile(output);
             Sources sources = Sources.open(paths, pipeline.limits(), System.in);
             BatchRunner runner = new BatchRunner(vx, threads)) {
            runner.run(sources, new BatchRunner.Handler() {
                @Override
                public void record(RawDocument source, ArticleRecord record) throws Exception {
                    sink.write(record);
                    counts[0]++;
                }

                @Override
                public void rejected(Rejected r) {
                    err.println("vnextract: " + r.source() + ": " + r.reason());
                    counts[1]++;
                }
            });
            sink.commit();
        } catch (java.io.IOException e) {
            err.println("vnextract: cannot write " + (output == null ? "standard output" : output) + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        if (verbosity.level() >= 1) {
            err.printf("vnextract: %d records, %d rejected, %.1f s%n", counts[0], counts[1], (System.nanoTime() - t0) / 1e9);
        }
        err.flush();
        return counts[1] > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
    }
}

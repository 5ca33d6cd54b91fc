package org.vnextract.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vnextract.Vnextract;
import org.vnextract.eval.Evaluator;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Rejected;
import org.vnextract.ingest.Sources;
import org.vnextract.record.ArticleRecord;
import org.vnextract.record.RecordJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vnextract eval}: extracts the given articles (or reads records already made) and prints
 * precision, recall and F1 per metric against gold files: the same table, to the digit, as
 * {@code ../shared/tools/score.py}.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Score extraction against hand-checked gold files (P/R/F1 per metric, micro-averaged).")
public final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--gold", required = true, paramLabel = "DIR",
            description = "A directory of gold *.json files; repeat to score several together.")
    List<Path> gold;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Articles to extract and score.")
        List<String> paths;

        @Option(names = "--records", paramLabel = "FILE", description = "Score these JSON Lines records instead of extracting.")
        Path records;
    }

    @Option(names = "--per-article", description = "Also list, per article and metric, what was missed and what was extra.")
    boolean perArticle;

    @Mixin
    PipelineOptions pipeline;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        pipeline.validate(spec.commandLine());
        for (Path g : gold) {
            if (!Files.isDirectory(g)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--gold: " + g
                        + (Files.exists(g) ? ": not a directory" : ": no such directory"));
            }
        }
        if (input.records != null && !Files.isRegularFile(input.records)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--records: " + input.records
                    + (Files.exists(input.records) ? ": not a file" : ": no such file"));
        }
        Evaluator ev = new Evaluator();
        int rejected = 0;
        if (input.records != null) {
            for (String line : Files.readAllLines(input.records, StandardCharsets.UTF_8)) {
                ev.addRecordLine(line);
            }
        } else {
            Vnextract vx = pipeline.build();
            RecordJson json = new RecordJson();
            try (Sources sources = Sources.open(input.paths, pipeline.limits(), System.in)) {
                while (sources.hasNext()) {
                    IngestResult r = sources.next();
                    if (r instanceof Rejected rej) {
                        err.println(ErrorLine.of(rej.source(), rej.reason()));
                        rejected++;
                        continue;
                    }
                    ArticleRecord rec = vx.process((RawDocument) r);
                    ev.addRecordLine(json.toLine(rec));
                }
            }
        }
        ev.score(gold);
        if (perArticle) {
            ev.differences().forEach(out::println);
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            ev.printTable(ps);
        }
        out.print(buf.toString(StandardCharsets.UTF_8));
        out.flush();
        return rejected > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
    }
}

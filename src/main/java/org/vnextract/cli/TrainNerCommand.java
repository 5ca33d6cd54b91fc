package org.vnextract.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vnextract.extract.officials.OfficialExtractor;
import org.vnextract.train.NerTrainer;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.TextStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vnextract train-ner}: trains the officials name finder on corpora labelled by the rules
 * (distant supervision) and writes the model with a {@code .properties} file of its settings,
 * counts and the SHA-256 of the corpora and of the training data.
 *
 * <pre>
 * java -jar target/vnextract.jar train-ner --models=models -o models/ner/officials-ner.bin \
 *     ../shared/corpus/bulk/underthesea-unc-dantri.jsonl.gz ../shared/corpus/bulk/baomoi.jsonl.gz
 * </pre>
 */
@Command(name = "train-ner", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Train the officials name finder on corpora labelled by the rules.")
public final class TrainNerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "CORPUS", description = "JSON Lines corpora (.jsonl or .jsonl.gz) with title, header, body.")
    List<Path> corpora;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The model file to write.")
    Path output;

    @Option(names = "--models", paramLabel = "DIR", description = "Read the rules' lexicons from DIR instead of the jar.")
    Path models;

    @Option(names = "--max-sentences", paramLabel = "N", description = "Training sentences at most. Default: ${DEFAULT-VALUE}.")
    int maxSentences = NerTrainer.Settings.defaults().maxSentences();

    @Option(names = "--iterations", paramLabel = "N", description = "Maximum-entropy iterations. Default: ${DEFAULT-VALUE}.")
    int iterations = NerTrainer.Settings.defaults().iterations();

    @Option(names = "--cutoff", paramLabel = "N", description = "Features seen fewer times are dropped. Default: ${DEFAULT-VALUE}.")
    int cutoff = NerTrainer.Settings.defaults().cutoff();

    @Option(names = "--threads", paramLabel = "N", description = "Training threads. Default: ${DEFAULT-VALUE}.")
    int threads = NerTrainer.Settings.defaults().threads();

    @Option(names = "--negative-per-mille", paramLabel = "N",
            description = "Share (per 1000) of sentences without any label that are kept. Default: ${DEFAULT-VALUE}.")
    int negativePerMille = NerTrainer.Settings.defaults().negativePerMille();

    @Override
    public Integer call() throws IOException {
        ModelSource ms = models == null ? ModelSource.bundled() : ModelSource.directory(models);
        NerTrainer.Settings s = new NerTrainer.Settings(maxSentences, iterations, cutoff, threads, negativePerMille);
        OfficialExtractor rules = new OfficialExtractor(ms, org.vnextract.extract.officials.OfficialRules.NameSource.RULES);
        NerTrainer trainer = new NerTrainer(rules, new TextStage(ms, TextStage.DEFAULT_MAX_CHARS,
                TextStage.DEFAULT_MAX_SENTENCE_TOKENS), org.vnextract.segment.SegmentStage.standard(ms), s);
        NerTrainer.Report r = trainer.train(corpora, output);
        List<String> lines = new ArrayList<>();
        lines.add("# vnextract train-ner: settings and data of " + output.getFileName());
        lines.add("command=java -jar target/vnextract.jar train-ner" + (models == null ? "" : " --models=" + models)
                + " -o " + output + " --max-sentences " + maxSentences + " --iterations " + iterations + " --cutoff "
                + cutoff + " --threads " + threads + " --negative-per-mille " + negativePerMille + " "
                + String.join(" ", corpora.stream().map(Path::toString).toList()));
        lines.add("opennlp=" + opennlp.tools.util.Version.currentVersion());
        lines.add("algorithm=MAXENT (OpenNLP default), BIO codec, default feature generator + NerFeatures");
        lines.add("corpora=" + String.join(",", corpora.stream().map(p -> p.getFileName().toString()).toList()));
        lines.add("corpora.sha256=" + r.corpusSha256());
        lines.add("training-data.sha256=" + r.dataSha256());
        lines.add("articles=" + r.articles());
        lines.add("sentences=" + r.sentences());
        lines.add("sentences.skipped-unsure=" + r.skippedUnsure());
        lines.add("labels.person=" + r.persons());
        lines.add("labels.organization=" + r.organizations());
        lines.add("labels.location=" + r.locations());
        lines.add("max-sentences=" + maxSentences);
        lines.add("iterations=" + iterations);
        lines.add("cutoff=" + cutoff);
        lines.add("threads=" + threads);
        lines.add("negative-per-mille=" + negativePerMille);
        lines.add("training-millis=" + r.millis());
        lines.add("model.bytes=" + Files.size(output));
        Path props = output.resolveSibling(output.getFileName().toString().replaceFirst("\\.bin$", "") + ".properties");
        try (Writer w = Files.newBufferedWriter(props, StandardCharsets.UTF_8)) {
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        }
        spec.commandLine().getOut().println(String.join("\n", lines));
        return ExitCodes.OK;
    }
}

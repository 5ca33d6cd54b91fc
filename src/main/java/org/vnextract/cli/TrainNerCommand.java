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
import org.vnextract.ner.Gazetteer;
import org.vnextract.train.BulkArticles;
import org.vnextract.train.EntityTrainer;
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

    @Option(names = "--tagger", paramLabel = "KIND", description = "officials (the syllable-level person finder, default) or"
            + " entities (the word-level PER/ORG/LOC tagger, models/ner/entities-ner.bin).")
    String tagger = "officials";

    @Option(names = "--article-per-mille", paramLabel = "N",
            description = "entities: share (per 1000) of the readable articles that are read. Default: ${DEFAULT-VALUE}.")
    int articlePerMille = EntityTrainer.Settings.defaults().articlePerMille();

    @Option(names = "--tail", paramLabel = "N",
            description = "The last N articles of each corpus file are never read (kept for test annotation). Default: ${DEFAULT-VALUE}.")
    int tail = EntityTrainer.Settings.defaults().tail();

    @Option(names = "--reserved", paramLabel = "FILE",
            description = "corpus<TAB>id of articles never to read (the NER test split's sources). Default: ${DEFAULT-VALUE}.")
    Path reserved = Path.of("corpus/ner/reserved-ids.tsv");

    @Override
    public Integer call() throws IOException {
        if (tagger.equals("entities")) {
            return entities();
        }
        if (!tagger.equals("officials")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--tagger is officials or entities, not " + tagger);
        }
        ModelSource ms = models == null ? ModelSource.bundled() : ModelSource.directory(models);
        NerTrainer.Settings s = new NerTrainer.Settings(maxSentences, iterations, cutoff, threads, negativePerMille, tail);
        OfficialExtractor rules = new OfficialExtractor(ms, org.vnextract.extract.officials.OfficialRules.NameSource.RULES);
        NerTrainer trainer = new NerTrainer(rules, new TextStage(ms, TextStage.DEFAULT_MAX_CHARS,
                TextStage.DEFAULT_MAX_SENTENCE_TOKENS), org.vnextract.segment.SegmentStage.standard(ms), s);
        NerTrainer.Report r = trainer.train(corpora, BulkArticles.readReserved(reserved), output);
        String command = "java -jar target/vnextract.jar train-ner" + (models == null ? "" : " --models=" + models)
                + " -o " + output + " --reserved " + reserved + " --max-sentences " + maxSentences + " --iterations " + iterations
                + " --cutoff " + cutoff + " --threads " + threads + " --negative-per-mille " + negativePerMille + " --tail " + tail + " "
                + String.join(" ", corpora.stream().map(Path::toString).toList());
        List<String> lines = start("train-ner", command, "default feature generator + NerFeatures");
        data(lines, r.corpusSha256(), r.dataSha256(), new int[] {r.articles(), r.sentences(), r.skippedUnsure(), r.persons(),
                r.organizations(), r.locations()});
        lines.add("negative-per-mille=" + negativePerMille);
        finish(lines, r.millis());
        return ExitCodes.OK;
    }

    /** The word-level entity tagger: settings from the options, labels from the rules and the gazetteers. */
    private Integer entities() throws IOException {
        ModelSource ms = models == null ? ModelSource.bundled() : ModelSource.directory(models);
        EntityTrainer.Settings s = new EntityTrainer.Settings(maxSentences, iterations, cutoff, threads, articlePerMille,
                negativePerMille, tail);
        EntityTrainer trainer = new EntityTrainer(new OfficialExtractor(ms, org.vnextract.extract.officials.OfficialRules.NameSource.RULES),
                Gazetteer.load(ms), org.vnextract.train.LabelCues.load(ms), new TextStage(ms, TextStage.DEFAULT_MAX_CHARS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS),
                org.vnextract.segment.SegmentStage.standard(ms), s);
        EntityTrainer.Report r = trainer.train(corpora, BulkArticles.readReserved(reserved), output);
        EntityTrainer.Labelled d = r.data();
        List<String> lines = start("train-ner --tagger=entities", entitiesCommand(),
                "word tokens, default feature generator + WordFeatures");
        lines.set(3, "algorithm=" + EntityTrainer.ALGORITHM + " (OpenNLP averaged perceptron), BIO codec, word tokens,"
                + " default feature generator + WordFeatures; decoder: the model's spans, then the gazetteer lookup's where the model found none");
        lines.add("labels.from=officials rules' persons, the gazetteer lookup (org.vnextract.ner.Gazetteer), the rules' places,"
                + " models/ner/org-names.tsv, models/ner/label-cues.tsv, organisations extended by a typed place after them,"
                + " initials' dots, names labelled earlier in the article");
        data(lines, r.corpusSha256(), r.dataSha256(), new int[] {d.articles(), d.samples().size(), d.unsure(), d.persons(),
                d.organizations(), d.locations()});
        lines.add("labels.by-rules=" + d.fromRules());
        lines.add("labels.by-gazetteer=" + d.fromGazetteer());
        lines.add("labels.cut-by-words=" + d.cut());
        lines.add("article-per-mille=" + articlePerMille);
        lines.add("negative-per-mille=" + negativePerMille);
        finish(lines, r.millis());
        return ExitCodes.OK;
    }

    /** The first lines of a model's properties: what wrote it, the command, the library, the algorithm. */
    private List<String> start(String what, String command, String features) {
        List<String> lines = new ArrayList<>();
        lines.add("# vnextract " + what + ": settings and data of " + output.getFileName());
        lines.add("command=" + command);
        lines.add("opennlp=" + opennlp.tools.util.Version.currentVersion());
        lines.add("algorithm=MAXENT (OpenNLP default), BIO codec, " + features);
        return lines;
    }

    /** The corpora, the hashes and the counts: articles, sentences, skipped, persons, organisations, locations. */
    private void data(List<String> lines, String corporaSha, String dataSha, int[] n) {
        lines.add("corpora=" + String.join(",", corpora.stream().map(p -> p.getFileName().toString()).toList()));
        lines.add("corpora.sha256=" + corporaSha);
        lines.add("training-data.sha256=" + dataSha);
        lines.add("articles=" + n[0]);
        lines.add("sentences=" + n[1]);
        lines.add("sentences.skipped-unsure=" + n[2]);
        lines.add("labels.person=" + n[3]);
        lines.add("labels.organization=" + n[4]);
        lines.add("labels.location=" + n[5]);
        lines.add("max-sentences=" + maxSentences);
        lines.add("iterations=" + iterations);
        lines.add("cutoff=" + cutoff);
        lines.add("threads=" + threads);
    }

    /** The last lines (what was kept back, time, the model file) and writes the properties. */
    private void finish(List<String> lines, long millis) throws IOException {
        lines.add("tail=" + tail);
        lines.add("reserved=" + reserved);
        lines.add("training-millis=" + millis);
        lines.add("model.bytes=" + Files.size(output));
        lines.add("model.sha256=" + org.vnextract.internal.Sha256.hex(sha256(Files.readAllBytes(output))));
        writeProperties(lines);
    }

    /** The command line that reproduces this run (every setting spelt out). */
    String entitiesCommand() {
        return "java -jar target/vnextract.jar train-ner --tagger=entities" + (models == null ? "" : " --models=" + models)
                + " -o " + output + " --reserved " + reserved + " --max-sentences " + maxSentences + " --iterations " + iterations
                + " --cutoff " + cutoff + " --threads " + threads + " --article-per-mille " + articlePerMille
                + " --negative-per-mille " + negativePerMille + " --tail " + tail + " "
                + String.join(" ", corpora.stream().map(Path::toString).toList());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void writeProperties(List<String> lines) throws IOException {
        Path props = output.resolveSibling(output.getFileName().toString().replaceFirst("\\.bin$", "") + ".properties");
        try (Writer w = Files.newBufferedWriter(props, StandardCharsets.UTF_8)) {
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        }
        spec.commandLine().getOut().println(String.join("\n", lines));
    }
}

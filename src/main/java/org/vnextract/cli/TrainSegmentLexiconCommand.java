package org.vnextract.cli;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vnextract.internal.Sha256;
import org.vnextract.segment.ModelStore;
import org.vnextract.segment.SegmentEval;
import org.vnextract.segment.TreebankLexiconTrainer;
import org.vnextract.segment.VocabReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vnextract train-segment-lexicon}: learns {@code models/segment/treebank.tsv} (words vi-vocab
 * lacks, and vi-vocab words the treebank splits) from a treebank's training split with
 * {@link TreebankLexiconTrainer}. Only the training split may be given: the dev split chooses the
 * thresholds and the test split measures the result.
 *
 * <p>Not thread-safe (filled by picocli).
 */
@Command(name = "train-segment-lexicon", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Learn the segmenter's treebank lexicon from a word-segmented CoNLL-U training split.")
public final class TrainSegmentLexiconCommand implements Callable<Integer> {
    static final String DEFAULT_TREEBANK = "../shared/data/ud-vi-vtb/vi_vtb-ud-train.conllu";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CONLLU", description = "The training split. Default: " + DEFAULT_TREEBANK)
    Path treebank;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The lexicon file to write.")
    Path output;

    @Option(names = "--min-joined", paramLabel = "N", description = "A new word is seen as one word at least N times. Default: ${DEFAULT-VALUE}.")
    int minJoined = TreebankLexiconTrainer.Settings.standard().minJoined();

    @Option(names = "--min-ratio", paramLabel = "R", description = "… in at least this share of its places. Default: ${DEFAULT-VALUE}.")
    double minRatio = TreebankLexiconTrainer.Settings.standard().minRatio();

    @Option(names = "--min-occurrences", paramLabel = "N", description = "A vi-vocab word is judged from at least N places. Default: ${DEFAULT-VALUE}.")
    int minOccurrences = TreebankLexiconTrainer.Settings.standard().minOccurrences();

    @Option(names = "--max-ratio", paramLabel = "R", description = "… and rejected when one word in at most this share. Default: ${DEFAULT-VALUE}.")
    double maxRatio = TreebankLexiconTrainer.Settings.standard().maxRatio();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path tb = treebank != null ? treebank : Path.of(DEFAULT_TREEBANK);
        if (!Files.isRegularFile(tb)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--treebank: no such file: " + tb.toAbsolutePath());
        }
        if (tb.getFileName().toString().matches(".*-(dev|test)\\.conllu")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--treebank: " + tb + " looks like a dev or test split; learn from the training split only");
        }
        TreebankLexiconTrainer.Settings settings = new TreebankLexiconTrainer.Settings(minJoined, minRatio, minOccurrences, maxRatio);
        List<String> vocab;
        try (InputStream in = new ByteArrayInputStream(ModelStore.standard().read(ModelStore.VOCABULARY).bytes())) {
            vocab = VocabReader.read(in);
        }
        List<SegmentEval.GoldSentence> training = SegmentEval.read(tb);
        List<TreebankLexiconTrainer.Entry> entries = TreebankLexiconTrainer.train(training, vocab, settings);
        long words = entries.stream().filter(TreebankLexiconTrainer.Entry::isWord).count();
        List<String> header = new ArrayList<>(List.of(
                "The segmenter's treebank lexicon: words vi-vocab lacks that UD Vietnamese-VTB's training split writes",
                "as one word (action 'word'), and vi-vocab words it splits ('not-word'). Learnt, not written by hand:",
                "  vnextract train-segment-lexicon -o models/segment/treebank.tsv " + DEFAULT_TREEBANK,
                String.format(Locale.ROOT, "with --min-joined %d --min-ratio %s --min-occurrences %d --max-ratio %s (chosen on the dev split).",
                        minJoined, minRatio, minOccurrences, maxRatio),
                "Source: " + tb.getFileName() + " (sha256 " + Sha256.hex(Files.readAllBytes(tb)) + "), "
                        + training.size() + " sentences;",
                "UniversalDependencies/UD_Vietnamese-VTB, CC BY-SA 4.0; this derived list is shared under the same terms.",
                "joined = times written as one word; crossed = times the syllables cross a word boundary."));
        Path tmp = Files.createTempFile(output.toAbsolutePath().getParent(), ".treebank", ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            TreebankLexiconTrainer.write(entries, header, w);
        }
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.printf(Locale.ROOT, "%s: %d words, %d not-words from %d sentences of %s%n", output, words,
                entries.size() - words, training.size(), tb);
        out.flush();
        return ExitCodes.OK;
    }
}

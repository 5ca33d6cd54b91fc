package org.vnextract.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.segment.ModelStore;
import org.vnextract.segment.SegmentEval;
import org.vnextract.segment.SegmenterLexicons;
import org.vnextract.segment.WordSegmenter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vnextract eval-segment}: word precision, recall and F1 of the segmenter on a CoNLL-U
 * treebank whose tokens are gold words (UD Vietnamese-VTB test by default), compared over
 * alphabetic syllables (see {@link SegmentEval}).
 *
 * <p>Not thread-safe (filled by picocli).
 */
@Command(name = "eval-segment", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Word-segmentation P/R/F1 on a CoNLL-U treebank (default: UD Vietnamese-VTB test).")
public final class EvalSegmentCommand implements Callable<Integer> {
    static final String DEFAULT_TREEBANK = "../shared/data/ud-vi-vtb/vi_vtb-ud-test.conllu";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CONLLU", description = "The treebank. Default: " + DEFAULT_TREEBANK)
    Path treebank;

    @Option(names = "--models", paramLabel = "DIR", description = "Read our lexicons (and the word-segmenter files, when DIR has vncorenlp/wordsegmenter/) from DIR instead of the copy in the jar.")
    Path models;

    @Option(names = "--no-lexicons", description = "Use vi-vocab and the rule tree only, without our lexicons.")
    boolean noLexicons;

    @Option(names = "--no-treebank-lexicon",
            description = "Leave out the lexicon learnt from the treebank's training split (models/segment/treebank.tsv).")
    boolean noTreebankLexicon;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path tb = treebank != null ? treebank : Path.of(DEFAULT_TREEBANK);
        if (!Files.isRegularFile(tb)) {
            err.println("vnextract: treebank not found: " + tb.toAbsolutePath());
            return ExitCodes.USAGE;
        }
        ModelSource ms = models == null ? ModelSource.bundled() : ModelSource.directory(models);
        SegmenterLexicons lexicons = noLexicons ? SegmenterLexicons.none() : SegmenterLexicons.from(ms);
        if (noTreebankLexicon) {
            lexicons = lexicons.withoutTreebank();
        }
        WordSegmenter seg = ModelStore.standard(ms).loadSegmenter(lexicons);
        List<SegmentEval.GoldSentence> gold = SegmentEval.read(tb);
        SegmentEval.Result initial = SegmentEval.evaluateInitial(seg, gold);
        SegmentEval.Result r = SegmentEval.evaluate(seg, gold);
        out.printf(Locale.ROOT, "%s: %d sentences, %d gold words, %d predicted, %d correct (alphabetic syllables)%n",
                tb, r.sentences(), r.gold(), r.predicted(), r.correct());
        out.printf(Locale.ROOT, "initial segmentation only: P %.4f  R %.4f  F1 %.4f%n",
                initial.precision(), initial.recall(), initial.f1());
        out.printf(Locale.ROOT, "word segmentation:         P %.4f  R %.4f  F1 %.4f%n", r.precision(), r.recall(), r.f1());
        out.flush();
        return ExitCodes.OK;
    }
}

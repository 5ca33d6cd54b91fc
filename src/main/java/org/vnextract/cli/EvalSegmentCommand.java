package org.vnextract.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vnextract.ingest.LineReader;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.segment.LineSegmenter;
import org.vnextract.segment.ModelStore;
import org.vnextract.segment.SegmentEval;
import org.vnextract.segment.SegmenterLexicons;
import org.vnextract.segment.WordSegmenter;
import org.vnextract.text.TextStage;
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

    @Option(names = "--via-command",
            description = {"Score what the segment command prints: each sentence's syllables as a line of text through its code path"
                    + " (tokenizer, sentence splitter, segmenter, printing), its output read back; also counts sentences that lost a syllable."})
    boolean viaCommand;

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
        List<SegmentEval.GoldSentence> gold = SegmentEval.read(tb);
        if (viaCommand) {
            return viaCommand(tb, ms, lexicons, gold, out, err);
        }
        WordSegmenter seg = ModelStore.standard(ms).loadSegmenter(lexicons);
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

    private static int viaCommand(Path tb, ModelSource ms, SegmenterLexicons lexicons, List<SegmentEval.GoldSentence> gold,
                                  PrintWriter out, PrintWriter err) throws IOException {
        StringBuilder input = new StringBuilder();
        for (SegmentEval.GoldSentence s : gold) {
            input.append(SegmentEval.text(s)).append('\n');
        }
        LineSegmenter seg = SegmentCommand.lineSegmenter(ms, lexicons, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
        StringWriter printed = new StringWriter();
        try (LineReader lines = new LineReader(new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)),
                SegmentCommand.DEFAULT_MAX_LINE_CHARS, () -> { })) {
            SegmentCommand.stream(seg, lines, tb.toString(), SegmentCommand.Format.LINES, printed, err);
        }
        SegmentEval.OutputResult o = SegmentEval.evaluateOutput(gold, printed.toString().lines().toList());
        SegmentEval.Result r = o.result();
        out.printf(Locale.ROOT, "%s: %d sentences through the segment command, %d gold words, %d predicted, %d correct (alphabetic syllables)%n",
                tb, gold.size(), r.gold(), r.predicted(), r.correct());
        out.printf(Locale.ROOT, "sentences whose output lost or changed a syllable: %d%n", o.lostSentences());
        out.printf(Locale.ROOT, "segment command:           P %.4f  R %.4f  F1 %.4f%n", r.precision(), r.recall(), r.f1());
        out.flush();
        return o.lostSentences() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}

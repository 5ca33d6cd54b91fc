package org.vnextract.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.cli.Main;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.testenv.Needs;
import picocli.CommandLine;

/** Learning the treebank lexicon: what counts as evidence, and that the shipped file is what training gives. */
class TreebankLexiconTrainerTest {
    /** A CoNLL-U sentence from words written with spaces between syllables. */
    private static String sentence(String... words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            sb.append(i + 1).append('\t').append(words[i]).append("\t_\t_\t_\t_\t0\tdep\t_\t_\n");
        }
        return sb.append('\n').toString();
    }

    private static List<SegmentEval.GoldSentence> treebank(Path dir, String... sentences) throws IOException {
        Path f = dir.resolve("tiny-train.conllu");
        Files.writeString(f, String.join("", sentences));
        return SegmentEval.read(f);
    }

    @Test
    void learnsWordsTheVocabularyLacksAndDropsWordsTheTreebankSplits(@TempDir Path dir) throws IOException {
        List<SegmentEval.GoldSentence> tb = treebank(dir,
                sentence("vụ án", "đã", "xong"),
                sentence("Vụ án", "này"),                  // joined, capitalised: counts, but alone would not add it
                sentence("vụ", "án", "khác"),              // crossed once: 2 of 3 = 0.67
                sentence("câu hỏi", "khó"),
                sentence("hai", "câu hỏi"),
                sentence("người", "dân", "đi"),
                sentence("người", "dân", "về"),
                sentence("người", "dân", "ở"),
                sentence("Lê Văn Tám", "đến"),             // a name in capitals: never added
                sentence("Lê Văn Tám", "về"),
                sentence("đường", "bình dương"),           // "bình dương" twice, once inside a longer word
                sentence("bình dương", "xanh"),
                sentence("nhà bình dương mới"));
        List<String> vocab = List.of("người dân", "bình dương mới");
        List<TreebankLexiconTrainer.Entry> e = TreebankLexiconTrainer.train(tb, vocab,
                new TreebankLexiconTrainer.Settings(2, 0.6, 3, 0.2));
        assertThat(e).containsExactly(
                new TreebankLexiconTrainer.Entry("vụ án", true, 2, 1),
                new TreebankLexiconTrainer.Entry("bình dương", true, 2, 0),
                new TreebankLexiconTrainer.Entry("câu hỏi", true, 2, 0),
                new TreebankLexiconTrainer.Entry("người dân", false, 0, 3));
        // a stricter ratio drops the word that was crossed once
        assertThat(TreebankLexiconTrainer.train(tb, vocab, new TreebankLexiconTrainer.Settings(2, 0.8, 3, 0.2)))
                .extracting(TreebankLexiconTrainer.Entry::word).doesNotContain("vụ án");
    }

    @Test
    void tonePlacementAndCaseShareOneKey(@TempDir Path dir) throws IOException {
        List<SegmentEval.GoldSentence> tb = treebank(dir, sentence("thỏa thuận"), sentence("thoả thuận"));
        assertThat(TreebankLexiconTrainer.train(tb, List.of(), TreebankLexiconTrainer.Settings.standard()))
                .containsExactly(new TreebankLexiconTrainer.Entry("thoả thuận", true, 2, 0));
        assertThat(TreebankLexiconTrainer.train(tb, List.of("thoả thuận"), TreebankLexiconTrainer.Settings.standard()))
                .isEmpty();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new TreebankLexiconTrainer.Settings(0, 0.8, 3, 0.2)).hasMessageContaining("minJoined");
        assertThatThrownBy(() -> new TreebankLexiconTrainer.Settings(2, 1.5, 3, 0.2)).hasMessageContaining("minRatio");
        assertThatThrownBy(() -> new TreebankLexiconTrainer.Settings(2, 0.8, 3, 1.0)).hasMessageContaining("maxRatio");
    }

    @Test
    void theLexiconChangesTheLongestMatch() throws IOException {
        WordSegmenter with = Segmenters.load();
        var tokenizer = new org.vnextract.text.Tokenizer();
        SegmenterLexicons all = SegmenterLexicons.from(ModelSource.directory(Path.of("models")));
        assertThat(all.treebankWords()).contains("cô ta", "vì sao");
        assertThat(all.treebankNonWords()).contains("người dân");
        WordSegmenter without;
        ModelStore store = ModelStore.standard();
        without = store.loadSegmenter(all.withoutTreebank());
        String text = "Người dân hỏi vì sao cô ta không đến";
        assertThat(Segmenters.segment(without, tokenizer, text)).isEqualTo("Người_dân hỏi vì sao cô ta không đến");
        assertThat(Segmenters.segment(with, tokenizer, text)).isEqualTo("Người dân hỏi vì_sao cô_ta không đến");
    }

    @Test
    void badLinesOfTheLexiconAreNamed(@TempDir Path dir) throws IOException {
        Path models = dir.resolve("models");
        Files.createDirectories(models.resolve("segment"));
        for (String f : List.of(SegmenterLexicons.PLACES, SegmenterLexicons.COUNTRIES, SegmenterLexicons.SURNAMES,
                SegmenterLexicons.MIDDLE_NAMES, SegmenterLexicons.GIVEN_NAMES, SegmenterLexicons.SENTENCE_INITIAL)) {
            Files.writeString(models.resolve(f), "# empty\n");
        }
        Files.writeString(models.resolve(SegmenterLexicons.TREEBANK), "vụ án\tmaybe\n");
        assertThatThrownBy(() -> SegmenterLexicons.from(ModelSource.directory(models)))
                .hasMessageContaining("treebank.tsv").hasMessageContaining("maybe");
    }

    /** The shipped file is exactly what the documented training command writes (reproducible, not hand-edited). */
    @Test
    void theShippedLexiconIsReproducible(@TempDir Path dir) throws IOException {
        Path train = Needs.shared("data/ud-vi-vtb/vi_vtb-ud-train.conllu");
        Path out = dir.resolve("treebank.tsv");
        StringWriter so = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(so, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cl.execute("train-segment-lexicon", "-o", out.toString(), train.toString())).isZero();
        assertThat(Files.readString(out)).isEqualTo(Files.readString(Path.of("models").resolve(SegmenterLexicons.TREEBANK)));
        // learning from a dev or test split is refused
        Path test = dir.resolve("vi_vtb-ud-test.conllu");
        Files.writeString(test, sentence("vụ án"));
        assertThat(cl.execute("train-segment-lexicon", "-o", out.toString(), test.toString())).isEqualTo(2);
    }
}

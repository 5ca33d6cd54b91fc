package org.vnextract.segment;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.Token;
import org.vnextract.text.Tokenizer;

/** Test helpers: the real model files (tests skip when they are absent) and text → "a_b c" output. */
final class Segmenters {
    private Segmenters() {}

    /** The segmenter with the shared model files and the repository's lexicons; skips the test without them. */
    static WordSegmenter load() throws IOException {
        ModelStore store = ModelStore.standard();
        Optional<Path> rules = store.find(ModelStore.RULES);
        Optional<Path> vocab = store.find(ModelStore.VOCABULARY);
        assumeTrue(rules.isPresent() && vocab.isPresent(), "word-segmenter model files not found in " + store.roots());
        try (InputStream r = Files.newInputStream(rules.get()); InputStream v = Files.newInputStream(vocab.get())) {
            return WordSegmenter.load(r, v, SegmenterLexicons.from(ModelSource.directory(Path.of("models"))));
        }
    }

    /** The text as one sentence through our tokenizer and {@code seg}, in VnCoreNLP's output form. */
    static String segment(WordSegmenter seg, Tokenizer tokenizer, String text) {
        List<Token> tokens = new ArrayList<>();
        tokenizer.tokenize(text, 0, text.length(), tokens);
        int n = tokens.size();
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int k = 0; k < n; k++) {
            starts[k] = tokens.get(k).start();
            ends[k] = tokens.get(k).end();
        }
        boolean[] begins = new boolean[n];
        seg.segment(text, starts, ends, n, begins);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                sb.append(begins[k] ? ' ' : '_');
            }
            sb.append(text, starts[k], ends[k]);
        }
        return sb.toString();
    }
}

package org.vnextract.segment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.Token;
import org.vnextract.text.Tokenizer;

/** Test helpers: the real model files and text → "a_b c" output. */
final class Segmenters {
    private Segmenters() {}

    /** The segmenter with the repository's model files and lexicons. */
    static WordSegmenter load() {
        ModelSource models = ModelSource.directory(Path.of("models"));
        return ModelStore.standard(models).loadSegmenter(SegmenterLexicons.from(models));
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

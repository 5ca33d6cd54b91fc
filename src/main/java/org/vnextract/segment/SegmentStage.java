package org.vnextract.segment;

import java.util.List;
import java.util.Set;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.Stage;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Sentence;
import org.vnextract.text.Token;

/**
 * The segment stage: {@link AnalyzedText} → {@link Words}. Each sentence's tokens go through the
 * {@link WordSegmenter}; words never cross a sentence.
 *
 * <p>Immutable; thread-safe (per-article arrays are local to {@link #process}).
 */
public final class SegmentStage implements Stage {
    private final WordSegmenter segmenter;
    private final String modelVersion;

    public SegmentStage(WordSegmenter segmenter) {
        this(segmenter, "RDRsegmenter");
    }

    /** @param modelVersion names the model files, for record provenance */
    public SegmentStage(WordSegmenter segmenter, String modelVersion) {
        this.segmenter = Validate.notNull(segmenter, "segmenter");
        this.modelVersion = Validate.notEmpty(modelVersion, "modelVersion");
    }

    /**
     * The stage with the model files found by {@link ModelStore#standard(ModelSource)} (the copy in
     * the jar unless another is named) and the lexicons of {@code models}.
     * @throws org.vnextract.pipeline.PipelineException naming a model file that cannot be found
     */
    public static SegmentStage standard(ModelSource models) {
        Validate.notNull(models, "models");
        ModelStore.Loaded l = ModelStore.standard(models).load(SegmenterLexicons.from(models));
        return new SegmentStage(l.segmenter(), l.version());
    }

    /** The model files' version, for {@code provenance.models.wordsegmenter}. */
    public String modelVersion() {
        return modelVersion;
    }

    public WordSegmenter segmenter() {
        return segmenter;
    }

    @Override
    public String name() {
        return "segment";
    }

    @Override
    public Set<Key<?>> requires() {
        return Set.of(AnalyzedText.KEY);
    }

    @Override
    public Set<Key<?>> provides() {
        return Set.of(Words.KEY);
    }

    @Override
    public Analysis process(Analysis in) {
        return in.with(Words.KEY, segment(in.get(AnalyzedText.KEY)));
    }

    /** The words of an analysed text. */
    public Words segment(AnalyzedText text) {
        Validate.notNull(text, "text");
        List<Token> tokens = text.tokens();
        boolean[] begins = new boolean[tokens.size()];
        int longest = 0;
        for (Sentence s : text.sentences()) {
            longest = Math.max(longest, s.endToken() - s.firstToken());
        }
        int[] starts = new int[longest];
        int[] ends = new int[longest];
        boolean[] out = new boolean[longest];
        int covered = 0;
        for (Sentence s : text.sentences()) {
            // tokens outside every sentence (none today) each stand alone
            for (int t = covered; t < s.firstToken(); t++) {
                begins[t] = true;
            }
            int n = s.endToken() - s.firstToken();
            for (int k = 0; k < n; k++) {
                Token t = tokens.get(s.firstToken() + k);
                starts[k] = t.start();
                ends[k] = t.end();
            }
            segmenter.segment(text.text(), starts, ends, n, out);
            System.arraycopy(out, 0, begins, s.firstToken(), n);
            if (n > 0) {
                begins[s.firstToken()] = true;
            }
            covered = s.endToken();
        }
        for (int t = covered; t < tokens.size(); t++) {
            begins[t] = true;
        }
        return Words.of(text, begins);
    }
}

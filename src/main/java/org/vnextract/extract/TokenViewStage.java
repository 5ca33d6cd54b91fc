package org.vnextract.extract;

import java.util.Set;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.Stage;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;

/**
 * The tokens stage: {@link AnalyzedText} and {@link Words} → the article's one {@link TokenView},
 * built once and read by every extractor that requires {@link TokenView#KEY}.
 *
 * <p>Stateless; thread-safe.
 */
public final class TokenViewStage implements Stage {
    @Override
    public String name() {
        return "tokens";
    }

    @Override
    public Set<Key<?>> requires() {
        return Set.of(AnalyzedText.KEY, Words.KEY);
    }

    @Override
    public Set<Key<?>> provides() {
        return Set.of(TokenView.KEY);
    }

    @Override
    public Analysis process(Analysis in) {
        return in.with(TokenView.KEY, TokenView.of(in.get(AnalyzedText.KEY), in.get(Words.KEY)));
    }
}

package org.vnextract.ner;

import java.util.Set;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.Stage;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;

/**
 * Provides {@link Entities#KEY}: the entity tagger over the article's words, behind {@link
 * EntityTagger}. It tags nothing itself; {@link Entities} tags the windows of words its readers ask about.
 *
 * <p>Immutable; thread-safe (the tagger is).
 */
public final class EntityStage implements Stage {
    private final EntityTagger tagger;

    public EntityStage(EntityTagger tagger) {
        this.tagger = Validate.notNull(tagger, "tagger");
    }

    @Override
    public String name() {
        return "entities";
    }

    @Override
    public Set<Key<?>> requires() {
        return Set.of(AnalyzedText.KEY, Words.KEY);
    }

    @Override
    public Set<Key<?>> provides() {
        return Set.of(Entities.KEY);
    }

    @Override
    public Analysis process(Analysis in) {
        return in.with(Entities.KEY, new Entities(tagger, in.get(AnalyzedText.KEY), in.get(Words.KEY)));
    }
}

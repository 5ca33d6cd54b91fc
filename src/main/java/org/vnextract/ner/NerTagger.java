package org.vnextract.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.PipelineException;

/**
 * The runtime of the statistical name finder: an OpenNLP maximum-entropy model over syllable tokens
 * with {@link NerFeatures}, trained by {@code org.vnextract.train.NerTrainer}. OpenNLP's decoder keeps adaptive state,
 * so each call makes its own; the model itself is shared.
 *
 * <p>Immutable; thread-safe.
 */
public final class NerTagger implements EntityTagger {
    private final TokenNameFinderModel model;
    private final SyllableClasses lexicon;

    public NerTagger(TokenNameFinderModel model, SyllableClasses lexicon) {
        this.model = Validate.notNull(model, "model");
        this.lexicon = Validate.notNull(lexicon, "lexicon");
    }

    /** The tagger of {@code models/<relative>}, or null when the file is not there. */
    public static NerTagger load(ModelSource models, String relative, SyllableClasses lexicon) {
        InputStream in;
        try {
            in = models.open(relative);
        } catch (PipelineException missing) {
            return null;
        }
        try (InputStream s = in) {
            return new NerTagger(new TokenNameFinderModel(s), lexicon);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the NER model " + relative, e);
        }
    }

    /** The names in each sentence of one article (syllable tokens), with one decoder for the article. */
    @Override
    public List<List<Entity>> tag(List<String[]> sentences) {
        Validate.noNulls(sentences, "sentences");
        NameFinderME finder = new NameFinderME(model);
        List<List<Entity>> out = new ArrayList<>(sentences.size());
        for (String[] tokens : sentences) {
            if (tokens.length == 0) {
                out.add(List.of());
                continue;
            }
            Span[] spans = finder.find(tokens, NerFeatures.context(tokens, lexicon));
            List<Entity> found = new ArrayList<>(spans.length);
            for (Span s : spans) {
                found.add(new Entity(s.getStart(), s.getEnd(), s.getType(), s.getProb()));
            }
            out.add(found);
        }
        return out;
    }
}

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
        return decode(model, sentences, t -> t, t -> NerFeatures.context(t, lexicon));
    }

    /**
     * Runs a name finder over sentences with one decoder (OpenNLP's keeps adaptive state): each
     * sentence's tokens as the model reads them, and their additional context.
     */
    static List<List<Entity>> decode(TokenNameFinderModel model, List<String[]> sentences,
                                     java.util.function.UnaryOperator<String[]> tokens,
                                     java.util.function.Function<String[], String[][]> context) {
        return decode(new NameFinderME(model), sentences, tokens, context);
    }

    /**
     * As {@link #decode(TokenNameFinderModel, List, java.util.function.UnaryOperator, java.util.function.Function)}
     * with a decoder of the caller's, whose adaptive state is cleared first (so it reads as a new one).
     */
    static List<List<Entity>> decode(NameFinderME finder, List<String[]> sentences,
                                     java.util.function.UnaryOperator<String[]> tokens,
                                     java.util.function.Function<String[], String[][]> context) {
        Validate.noNulls(sentences, "sentences");
        finder.clearAdaptiveData();
        List<List<Entity>> out = new ArrayList<>(sentences.size());
        for (String[] s : sentences) {
            if (s.length == 0) {
                out.add(List.of());
                continue;
            }
            String[] t = tokens.apply(s);
            out.add(entities(finder.find(t, context.apply(t))));
        }
        return out;
    }

    /** OpenNLP's spans as entities. */
    static List<Entity> entities(Span[] spans) {
        List<Entity> found = new ArrayList<>(spans.length);
        for (Span s : spans) {
            found.add(new Entity(s.getStart(), s.getEnd(), s.getType(), s.getProb()));
        }
        return found;
    }
}

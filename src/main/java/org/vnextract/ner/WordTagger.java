package org.vnextract.ner;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.vnextract.internal.Validate;

/**
 * The entity tagger over words (issue 13): persons, organisations and locations in sentences whose
 * tokens are the segmenter's words (syllables joined by spaces or underscores: "Quảng_Nam"). An
 * OpenNLP maximum-entropy name finder with {@link WordFeatures} (shape, syllable count, gazetteer
 * classes and the gazetteer lookup's own label, of the word and its neighbours), trained by distant
 * supervision ({@code vnextract train-ner --tagger=entities}, {@code models/ner/entities-ner.properties}
 * records how). OpenNLP's decoder keeps adaptive state, so each call makes its own; the model and
 * the gazetteer are shared.
 *
 * <p>Immutable; thread-safe.
 */
public final class WordTagger implements EntityTagger {
    /** The shipped model, relative to {@code models/}. */
    public static final String MODEL = "ner/entities-ner.bin";

    private final TokenNameFinderModel model;
    private final Gazetteer gazetteer;

    public WordTagger(TokenNameFinderModel model, Gazetteer gazetteer) {
        this.model = Validate.notNull(model, "model");
        this.gazetteer = Validate.notNull(gazetteer, "gazetteer");
    }

    /** The tagger of the model in {@code in} (read whole; the caller closes the stream). */
    public static WordTagger read(InputStream in, Gazetteer gazetteer) throws IOException {
        Validate.notNull(in, "in");
        return new WordTagger(new TokenNameFinderModel(in), gazetteer);
    }

    /** The shipped tagger ({@link #MODEL} of {@code models}) with the gazetteers of {@code models}. */
    public static WordTagger load(org.vnextract.pipeline.ModelSource models) {
        Validate.notNull(models, "models");
        try (InputStream in = models.open(MODEL)) {
            return read(in, Gazetteer.load(models));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the entity tagger " + MODEL, e);
        }
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** The entities of each sentence (its words), with one decoder for the call. */
    /**
     * The entities of each sentence (its words), with one decoder for the call: the model's spans,
     * then each span of the gazetteer lookup that overlaps none of them (the lookup fills what the
     * model left empty; where both found something, the model decides). Spans are whole words.
     */
    @Override
    public List<List<Entity>> tag(List<String[]> sentences) {
        List<List<Entity>> model = modelTag(sentences);
        List<List<Entity>> out = new java.util.ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            List<Entity> found = new java.util.ArrayList<>(model.get(i));
            for (Entity e : gazetteer.lookup(WordFeatures.syllables(sentences.get(i)))) {
                boolean free = true;
                for (Entity m : model.get(i)) {
                    free &= e.end() <= m.start() || e.start() >= m.end();
                }
                if (free) {
                    found.add(e);
                }
            }
            found.sort(java.util.Comparator.comparingInt(Entity::start));
            out.add(found);
        }
        return out;
    }

    /** The model's own spans in each sentence, without the lookup. */
    public List<List<Entity>> modelTag(List<String[]> sentences) {
        return NerTagger.decode(model, sentences, WordTagger::tokens, t -> WordFeatures.context(t, gazetteer));
    }

    /** The model's tokens: each word with its syllables joined by underscores. */
    public static String[] tokens(String[] words) {
        String[] t = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            t[i] = words[i].trim().replaceAll("\\s+", "_");
        }
        return t;
    }
}

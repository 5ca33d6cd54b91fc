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
 * records how). OpenNLP's decoder keeps adaptive state, so each thread keeps its own, cleared at each call; the model and
 * the gazetteer are shared.
 *
 * <p>Thread-safe: the model and gazetteer are immutable, each thread has its own decoder.
 */
public final class WordTagger implements EntityTagger {
    /** The shipped model, relative to {@code models/}. */
    public static final String MODEL = "ner/entities-ner.bin";

    private final TokenNameFinderModel model;
    private final Gazetteer gazetteer;
    /**
     * One decoder per thread, its adaptive state cleared at each call (a decoder costs about as
     * much to build as to tag a few words, and the extractors ask about a few words at a time).
     */
    private final ThreadLocal<opennlp.tools.namefind.NameFinderME> decoders;

    public WordTagger(TokenNameFinderModel model, Gazetteer gazetteer) {
        this.model = Validate.notNull(model, "model");
        this.gazetteer = Validate.notNull(gazetteer, "gazetteer");
        this.decoders = ThreadLocal.withInitial(() -> new opennlp.tools.namefind.NameFinderME(this.model));
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
        return NerTagger.decode(decoders.get(), sentences, WordTagger::tokens, t -> WordFeatures.context(t, gazetteer));
    }

    /** The model's tokens: each word with its syllables joined by underscores. */
    public static String[] tokens(String[] words) {
        String[] t = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            String w = words[i].trim();
            StringBuilder b = null;
            for (int k = 0; k < w.length(); k++) {
                if (Character.isWhitespace(w.charAt(k))) {
                    if (b == null) {
                        b = new StringBuilder(w.length()).append(w, 0, k);
                    }
                    if (!Character.isWhitespace(w.charAt(k - 1))) {
                        b.append('_');
                    }
                } else if (b != null) {
                    b.append(w.charAt(k));
                }
            }
            t[i] = b == null ? w : b.toString();
        }
        return t;
    }
}

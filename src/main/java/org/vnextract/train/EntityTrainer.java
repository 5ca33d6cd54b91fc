package org.vnextract.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import org.vnextract.extract.officials.OfficialExtractor;
import org.vnextract.extract.officials.OfficialRules;
import org.vnextract.internal.Validate;
import org.vnextract.ner.Entity;
import org.vnextract.ner.Gazetteer;
import org.vnextract.ner.WordFeatures;
import org.vnextract.ner.WordSentences;
import org.vnextract.ner.WordTagger;
import org.vnextract.segment.SegmentStage;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.TextStage;

/**
 * Trains the word-level entity tagger ({@link WordTagger}) by distant supervision. The articles a
 * trainer may read ({@link BulkArticles}: never the NER test split's sources, never the last
 * articles of a file) go through the text stage and the segmenter; each sentence is labelled, first
 * by the officials rules' high-precision output (persons, organisations, places), then by the
 * gazetteer lookup ({@link Gazetteer#lookup}: organisation heads, units after their type words,
 * provinces, countries, surnames) where the rules said nothing. Sentences with a run of capitalised
 * words that neither labelled are left out (they would teach the model that names are not names);
 * sentences without a label are kept at a fixed share. OpenNLP's maximum-entropy name finder learns
 * from the rest with {@link WordFeatures}. A run is deterministic: the same corpora, lists and rules
 * give the same training data ({@link NerTrainer#dataHash}) and the same model bytes
 * ({@link ModelBytes#canonical}).
 *
 * <p>Not thread-safe (one training at a time); OpenNLP trains on {@link Settings#threads()} threads.
 */
public final class EntityTrainer {
    /**
     * OpenNLP's averaged perceptron: on dev it reproduces its labels where the maximum-entropy trainer
     * (GIS, 50 iterations) fell short of the lookup it was labelled with.
     */
    public static final String ALGORITHM = "PERCEPTRON";

    /** Training settings; all of them are written next to the model. */
    public record Settings(int maxSentences, int iterations, int cutoff, int threads, int articlePerMille,
                           int negativePerMille, int tail) {
        public Settings {
            Validate.positive(maxSentences, "maxSentences");
            Validate.positive(iterations, "iterations");
            Validate.positive(cutoff, "cutoff");
            Validate.positive(threads, "threads");
            Validate.isTrue(articlePerMille > 0 && articlePerMille <= 1000, "articlePerMille", "must be 1..1000");
            Validate.isTrue(negativePerMille >= 0 && negativePerMille <= 1000, "negativePerMille", "must be 0..1000");
            Validate.isTrue(tail >= 0, "tail", "must be 0 or more");
        }

        public static Settings defaults() {
            return new Settings(12_000, 100, 2, 2, 60, 150, 1_500);
        }
    }

    /** The labelled sentences and what labelling them counted. */
    public record Labelled(List<NameSample> samples, int articles, int persons, int organizations, int locations,
                           int fromRules, int fromGazetteer, int cut, int unsure) {}

    /** What a training run read and made. */
    public record Report(Labelled data, String corpusSha256, String dataSha256, long millis) {}

    private final OfficialExtractor rules;
    private final Gazetteer gazetteer;
    private final TextStage text;
    private final SegmentStage segment;
    private final Settings settings;
    private final LabelCues cues;

    public EntityTrainer(OfficialExtractor rules, Gazetteer gazetteer, LabelCues cues, TextStage text, SegmentStage segment,
                         Settings settings) {
        this.rules = Validate.notNull(rules, "rules");
        this.cues = Validate.notNull(cues, "cues");
        this.gazetteer = Validate.notNull(gazetteer, "gazetteer");
        this.text = Validate.notNull(text, "text");
        this.segment = Validate.notNull(segment, "segment");
        this.settings = Validate.notNull(settings, "settings");
    }

    /** The labelled sentences of the readable articles of {@code corpora}, up to {@link Settings#maxSentences()}. */
    public Labelled label(List<Path> corpora, java.util.Set<String> reserved) throws IOException {
        List<NameSample> out = new ArrayList<>();
        int[] n = new int[8];
        long[] position = {0};
        new BulkArticles(reserved, settings.tail(), settings.articlePerMille()).read(corpora, a -> {
            n[0]++;
            AnalyzedText at = text.analyze(a.paragraphs(), a.hasTitle(), new ArrayList<>());
            Words words = segment.segment(at);
            OfficialRules.Result r = rules.rulesFind(at, words);
            WordSentences ws = WordSentences.of(at, words);
            Memory memory = new Memory();
            for (int s = 0; s < ws.words().size(); s++) {
                String[] sw = ws.words().get(s);
                position[0]++;
                if (sw.length < 3) {
                    continue;
                }
                String[] tokens = WordTagger.tokens(sw);
                int[] c = new int[3];
                String[] label = labels(words, ws.firstWords()[s], sw, r, c, memory);
                int rulesLabels = c[0];
                int gazLabels = c[1];
                int[] cut = {c[2]};
                if (unsure(sw, label)) {
                    n[7]++;
                    continue;
                }
                List<Span> spans = spans(label);
                if (spans.isEmpty() && Math.floorMod(BulkArticles.mix(position[0]), 1000) >= settings.negativePerMille()) {
                    continue;
                }
                for (Span sp : spans) {
                    switch (sp.getType()) {
                        case Entity.PERSON -> n[1]++;
                        case Entity.ORGANIZATION -> n[2]++;
                        default -> n[3]++;
                    }
                }
                n[4] += rulesLabels;
                n[5] += gazLabels;
                n[6] += cut[0];
                out.add(new NameSample(tokens, spans.toArray(new Span[0]), WordFeatures.context(tokens, gazetteer), false));
                if (out.size() >= settings.maxSentences()) {
                    return false;
                }
            }
            return true;
        });
        return new Labelled(out, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
    }


    /** The names labelled in earlier sentences of one article (folded syllables → type). Not thread-safe. */
    public static final class Memory {
        final java.util.Map<String, String> forms = new java.util.HashMap<>();
    }

    /**
     * The distant labels of one sentence ({@code sw}, the words of {@code words} from {@code first}):
     * BIO labels per word, null for none. In order, first come first served: the rules' persons, the
     * gazetteer lookup, the rules' places (the rules' organisations are not used: on dev they are
     * mostly titles, "Bộ trưởng", or cut names), the cues of {@link LabelCues}, an initial's dot, and
     * names labelled in earlier sentences of the article ({@code memory}, updated here).
     * {@code counts} gets the labels placed by the rules, by the gazetteer and cues, and the rules'
     * labels cut by word boundaries.
     */
    public String[] labels(Words words, int first, String[] sw, OfficialRules.Result r, int[] counts, Memory memory) {
        String[] label = new String[sw.length];
        int[] cut = {0};
        int rulesLabels = place(words, first, label, r.names(), Entity.PERSON, cut);
        int gazLabels = 0;
        for (Entity e : gazetteer.lookup(WordFeatures.syllables(sw))) {
            gazLabels += mark(label, e.start(), e.end(), e.type()) ? 1 : 0;
        }
        rulesLabels += place(words, first, label, r.locations(), Entity.LOCATION, cut);
        List<String[]> syl = WordFeatures.syllables(sw);
        gazLabels += cues.label(syl, label, gazetteer);
        for (int i = 0; i + 1 < sw.length; i++) {
            if (label[i] != null && label[i].equals("B-" + Entity.PERSON) && label[i + 1] == null && sw[i + 1].equals(".")
                    && syl.get(i).length == 1 && syl.get(i)[0].codePointCount(0, syl.get(i)[0].length()) == 1) {
                label[i + 1] = "I-" + Entity.PERSON; // "ông Đ.": an initial keeps its dot
            }
        }
        // a capitalised name labelled earlier in the article, here bare ("Samsung" after "Tập đoàn Samsung", "Thành" after a full name)
        for (int i = 0; i < sw.length; i++) {
            if (label[i] != null || !allCap(syl.get(i))) {
                continue;
            }
            int best = -1;
            String type = null;
            StringBuilder b = new StringBuilder();
            for (int j = i; j < sw.length && j < i + 4 && label[j] == null && allCap(syl.get(j)); j++) {
                b.append(j > i ? " " : "").append(org.vnextract.text.Fold.fold(String.join(" ", syl.get(j))));
                String t = memory.forms.get(b.toString());
                if (t != null) {
                    best = j + 1;
                    type = t;
                }
            }
            if (best > 0) {
                mark(label, i, best, type);
                i = best - 1;
            }
        }
        for (Span sp : spans(label)) {
            remember(memory, syl, sp);
        }
        counts[0] += rulesLabels;
        counts[1] += gazLabels;
        counts[2] += cut[0];
        return label;
    }

    private void remember(Memory memory, List<String[]> syl, Span sp) {
        List<String> all = new ArrayList<>();
        for (int i = sp.getStart(); i < sp.getEnd(); i++) {
            for (String x : syl.get(i)) {
                all.add(x);
            }
        }
        String type = sp.getType();
        if (type.equals(Entity.ORGANIZATION)) {
            int head = 0;
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < all.size() - 1; k++) {
                b.append(k > 0 ? " " : "").append(all.get(k));
                java.util.Set<String> c = gazetteer.classes(b.toString());
                if (c.contains(Gazetteer.ORG) || c.contains(Gazetteer.ORG_ALONE)) {
                    head = k + 1;
                }
            }
            List<String> name = all.subList(head, all.size());
            if (head > 0 && capAll(name) && gazetteer.classes(name.get(0)).isEmpty()
                    && gazetteer.classes(String.join(" ", name)).isEmpty()) {
                memory.forms.putIfAbsent(org.vnextract.text.Fold.fold(String.join(" ", name)), type);
            }
        }
        if (!capAll(all)) {
            return;
        }
        memory.forms.putIfAbsent(org.vnextract.text.Fold.fold(String.join(" ", all)), type);
        if (type.equals(Entity.PERSON) && all.size() >= 2) {
            memory.forms.putIfAbsent(org.vnextract.text.Fold.fold(all.get(all.size() - 1)), type);
        }
    }

    private static boolean capAll(List<String> syl) {
        return allCap(syl.toArray(new String[0]));
    }

    /** The spans of BIO labels (null for none). */
    public static List<Span> spansOf(String[] label) {
        return spans(label);
    }

    /**
     * Places char-span labels on the sentence's words (those of {@code words} from {@code first}),
     * first come first served; a label that does not start and end where words do is cut (counted).
     * Returns how many were placed.
     */
    private static int place(Words words, int first, String[] label, List<OfficialRules.Labelled> ls, String type, int[] cut) {
        int placed = 0;
        int last = first + label.length;
        for (OfficialRules.Labelled l : ls) {
            if (l.end() <= words.start(first) || l.start() >= words.end(last - 1)) {
                continue;
            }
            int a = -1;
            int b = -1;
            for (int w = first; w < last; w++) {
                if (words.start(w) == l.start()) {
                    a = w;
                }
                if (words.end(w) == l.end()) {
                    b = w + 1;
                }
            }
            if (a < 0 || b <= a) {
                cut[0]++;
                continue;
            }
            placed += mark(label, a - first, b - first, type) ? 1 : 0;
        }
        return placed;
    }

    private static boolean mark(String[] label, int a, int b, String type) {
        for (int i = a; i < b; i++) {
            if (label[i] != null) {
                return false;
            }
        }
        for (int i = a; i < b; i++) {
            label[i] = (i == a ? "B-" : "I-") + type;
        }
        return true;
    }

    private static List<Span> spans(String[] label) {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < label.length; i++) {
            if (label[i] != null && label[i].startsWith("B-")) {
                int e = i + 1;
                while (e < label.length && label[e] != null && label[e].startsWith("I-")) {
                    e++;
                }
                out.add(new Span(i, e, label[i].substring(2)));
            }
        }
        return out;
    }

    /**
     * Whether an unlabelled word after the first, every syllable capitalised, is a surname or stands
     * next to another such word: a name that no labeller explained.
     */
    private boolean unsure(String[] words, String[] label) {
        List<String[]> syl = WordFeatures.syllables(words);
        for (int i = 1; i < words.length; i++) {
            if (label[i] != null || !allCap(syl.get(i))) {
                continue;
            }
            java.util.Set<String> c = gazetteer.classes(String.join(" ", syl.get(i)));
            if (c.contains(Gazetteer.TITLE) || c.contains(Gazetteer.HONORIFIC) || c.contains(Gazetteer.KIND)) {
                continue;
            }
            boolean sur = gazetteer.classes(syl.get(i)[0]).contains(Gazetteer.SURNAME);
            boolean pair = syl.get(i).length > 1 || (i + 1 < words.length && label[i + 1] == null && allCap(syl.get(i + 1)));
            if (sur && pair) {
                return true;
            }
        }
        return false;
    }

    private static boolean allCap(String[] syl) {
        for (String s : syl) {
            if (s.isEmpty() || !Character.isUpperCase(s.codePointAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** Labels, trains and writes the model to {@code model} (canonical bytes); returns what it did. */
    public Report train(List<Path> corpora, java.util.Set<String> reserved, Path model) throws IOException {
        long t0 = System.nanoTime();
        Labelled data = label(corpora, reserved);
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        params.put(TrainingParameters.THREADS_PARAM, settings.threads());
        params.put(TrainingParameters.ALGORITHM_PARAM, ALGORITHM);
        TokenNameFinderFactory factory = new TokenNameFinderFactory(null, Map.of(), new BioCodec());
        try (ObjectStream<NameSample> stream = ObjectStreamUtils.createObjectStream(data.samples())) {
            TokenNameFinderModel m = NameFinderME.train("vi", null, stream, params, factory);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            m.serialize(bytes);
            Path parent = model.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.write(model, ModelBytes.canonical(bytes.toByteArray()));
        }
        return new Report(data, NerTrainer.corpusHash(corpora), NerTrainer.dataHash(data.samples()),
                (System.nanoTime() - t0) / 1_000_000);
    }
}

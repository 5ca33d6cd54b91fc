package org.vnextract.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.vnextract.ner.NerFeatures;
import org.vnextract.internal.Sha256;
import org.vnextract.internal.Validate;
import org.vnextract.segment.SegmentStage;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.TextStage;

/**
 * Trains the name finder by distant supervision: the articles of the bulk corpora that a trainer
 * may read ({@link BulkArticles}: JSON Lines, gzipped, fields {@code id}, {@code title},
 * {@code header}, {@code body}; never a reserved article, never the last {@link Settings#tail()}
 * of a file) go through the text stage, the
 * officials rules label persons, organisations and locations, and OpenNLP's maximum-entropy name
 * finder learns from the labelled sentences with {@link NerFeatures}. Sentences where a capitalised
 * run looks like a name the rules did not label are left out (they would teach the model that names
 * are not names); sentences without a person are kept at a fixed share, chosen by a hash of their
 * position so that a run is reproducible.
 *
 * <p>Not thread-safe (one training at a time); OpenNLP trains on {@link Settings#threads()} threads.
 */
public final class NerTrainer {
    /** Training settings; all of them are written next to the model. */
    public record Settings(int maxSentences, int iterations, int cutoff, int threads, int negativePerMille, int tail) {
        /** Settings that read every article of the corpora (no tail kept back). */
        public Settings(int maxSentences, int iterations, int cutoff, int threads, int negativePerMille) {
            this(maxSentences, iterations, cutoff, threads, negativePerMille, 0);
        }

        public Settings {
            Validate.isTrue(tail >= 0, "tail", "must be 0 or more");
            Validate.positive(maxSentences, "maxSentences");
            Validate.positive(iterations, "iterations");
            Validate.positive(cutoff, "cutoff");
            Validate.positive(threads, "threads");
            Validate.isTrue(negativePerMille >= 0 && negativePerMille <= 1000, "negativePerMille", "must be 0..1000");
        }

        public static Settings defaults() {
            return new Settings(12_000, 70, 3, 2, 100, 1_500);
        }
    }

    /** What a training run read and made. */
    public record Report(int articles, int sentences, int persons, int organizations, int locations,
                         int skippedUnsure, String corpusSha256, String dataSha256, long millis) {}

    private final OfficialExtractor labeller;
    private final TextStage text;
    private final Settings settings;
    private final SegmentStage segment;

    public NerTrainer(OfficialExtractor labeller, TextStage text, SegmentStage segment, Settings settings) {
        this.labeller = Validate.notNull(labeller, "labeller");
        this.text = Validate.notNull(text, "text");
        this.segment = Validate.notNull(segment, "segment");
        this.settings = Validate.notNull(settings, "settings");
    }

    /** The labelled sentences of the corpora, in file order, up to {@link Settings#maxSentences()}; no reserved article. */
    public List<NameSample> samples(List<Path> corpora, Set<String> reserved, int[] counts) throws IOException {
        List<NameSample> out = new ArrayList<>();
        long[] position = {0};
        new BulkArticles(reserved, settings.tail(), 1000).read(corpora, a -> {
            counts[0]++;
            AnalyzedText at = text.analyze(a.paragraphs(), a.hasTitle(), new ArrayList<>());
            for (TrainingSentence s : TrainingSentence.of(at, labeller.rulesFind(at, segment.segment(at)), labeller.lexicon())) {
                position[0]++;
                if (s.tokens().length < 3) {
                    continue;
                }
                if (s.unsure()) {
                    counts[4]++;
                    continue;
                }
                // sentences with a person are the point; the others (no label, or only
                // organisations and places) are kept at a fixed share
                if (!s.types().contains("person") && Math.floorMod(mix(position[0]), 1000) >= settings.negativePerMille()) {
                    continue;
                }
                Span[] spans = new Span[s.spans().size()];
                for (int k = 0; k < spans.length; k++) {
                    int[] sp = s.spans().get(k);
                    spans[k] = new Span(sp[0], sp[1], s.types().get(k));
                    switch (s.types().get(k)) {
                        case "person" -> counts[1]++;
                        case "organization" -> counts[2]++;
                        default -> counts[3]++;
                    }
                }
                out.add(new NameSample(s.tokens(), spans, NerFeatures.context(s.tokens(), labeller.lexicon()), false));
                if (out.size() >= settings.maxSentences()) {
                    return false;
                }
            }
            return true;
        });
        return out;
    }

    /** A fixed bit mix, so that the choice of unlabelled sentences is reproducible. */
    private static long mix(long z) {
        return BulkArticles.mix(z);
    }

    /** Trains on {@code corpora} and writes the model to {@code model}; returns what it did. */
    public Report train(List<Path> corpora, Set<String> reserved, Path model) throws IOException {
        long t0 = System.nanoTime();
        int[] counts = new int[5];
        List<NameSample> samples = samples(corpora, reserved, counts);
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        params.put(TrainingParameters.THREADS_PARAM, settings.threads());
        TokenNameFinderFactory factory = new TokenNameFinderFactory(null, Map.of(), new BioCodec());
        try (ObjectStream<NameSample> stream = ObjectStreamUtils.createObjectStream(samples)) {
            TokenNameFinderModel m = NameFinderME.train("vi", null, stream, params, factory);
            Files.createDirectories(model.toAbsolutePath().getParent());
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            m.serialize(bytes);
            Files.write(model, ModelBytes.canonical(bytes.toByteArray()));
        }
        return new Report(counts[0], samples.size(), counts[1], counts[2], counts[3], counts[4],
                corpusHash(corpora), dataHash(samples), (System.nanoTime() - t0) / 1_000_000);
    }

    /** SHA-256 of the corpus files' bytes, in order. */
    public static String corpusHash(List<Path> corpora) throws IOException {
        MessageDigest d = sha256();
        byte[] buf = new byte[1 << 16];
        for (Path p : corpora) {
            try (InputStream in = Files.newInputStream(p)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    d.update(buf, 0, n);
                }
            }
        }
        return Sha256.hex(d.digest());
    }

    /** SHA-256 of the training sentences as OpenNLP writes them (tokens with <START:type> marks). */
    public static String dataHash(List<NameSample> samples) {
        MessageDigest d = sha256();
        for (NameSample s : samples) {
            d.update(s.toString().getBytes(StandardCharsets.UTF_8));
            d.update((byte) '\n');
        }
        return Sha256.hex(d.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package org.vnextract.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.vnextract.extract.officials.OfficialExtractor;
import org.vnextract.extract.officials.OfficialRules;
import org.vnextract.internal.Sha256;
import org.vnextract.ner.Gazetteer;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.segment.SegmentStage;
import org.vnextract.testenv.Needs;
import org.vnextract.text.TextStage;

/**
 * The shipped NER models are not stale: the training labels that {@code train-ner} would make today
 * (the rules and gazetteers of {@code models/} on the corpora of the model's properties, with its
 * settings) hash to the {@code training-data.sha256} the model was trained on. When a rule or a list
 * changes what it labels, this fails and names the command that retrains the model. It labels only
 * (no training), and reads {@code ../shared/corpus/bulk} ({@link Needs}).
 */
class ShippedNerModelsTest {
    static final Path MODELS = Path.of("models");

    /** A model's recorded training: its properties, the options of its command, its corpora. */
    record Recorded(Properties properties, Map<String, String> options, List<Path> corpora) {
        static Recorded of(String relative) throws IOException {
            Properties p = ShippedNerModelsTest.properties(relative);
            String command = p.getProperty("command");
            return new Recorded(p, ShippedNerModelsTest.options(command), ShippedNerModelsTest.corpora(command));
        }

        int option(String name) {
            return i(options, name);
        }

        java.util.Set<String> reserved() throws IOException {
            return BulkArticles.readReserved(Path.of(options.get("--reserved")));
        }

        void assertLabelsHash(String actual, String model) {
            assertThat(actual).as("the training labels of %s changed (rules or gazetteers) since it was trained; retrain it"
                    + " with%n  %s%nand commit the model with its properties", model, properties.getProperty("command"))
                    .isEqualTo(properties.getProperty("training-data.sha256"));
        }
    }

    @Test
    void entityTaggerLabelsAreThoseItWasTrainedOn() throws IOException {
        Recorded r = Recorded.of("ner/entities-ner.properties");
        ModelSource ms = ModelSource.directory(MODELS);
        EntityTrainer.Settings s = new EntityTrainer.Settings(r.option("--max-sentences"), r.option("--iterations"),
                r.option("--cutoff"), r.option("--threads"), r.option("--article-per-mille"), r.option("--negative-per-mille"),
                r.option("--tail"));
        EntityTrainer t = new EntityTrainer(rules(ms), Gazetteer.load(ms), LabelCues.load(ms), text(ms), SegmentStage.standard(ms), s);
        r.assertLabelsHash(NerTrainer.dataHash(t.label(r.corpora(), r.reserved()).samples()), "models/ner/entities-ner.bin");
    }

    @Test
    void entityTaggerFileIsTheOneItsPropertiesDescribe() throws IOException {
        Properties p = properties("ner/entities-ner.properties");
        byte[] model = Files.readAllBytes(MODELS.resolve("ner/entities-ner.bin"));
        assertThat(Sha256.hex(sha256(model))).as("models/ner/entities-ner.bin is not the model of its properties")
                .isEqualTo(p.getProperty("model.sha256"));
    }

    @Test
    void officialsNameFinderLabelsAreThoseItWasTrainedOn() throws IOException {
        Recorded r = Recorded.of("ner/officials-ner.properties");
        ModelSource ms = ModelSource.directory(MODELS);
        NerTrainer t = new NerTrainer(rules(ms), text(ms), SegmentStage.standard(ms), new NerTrainer.Settings(
                r.option("--max-sentences"), r.option("--iterations"), r.option("--cutoff"), r.option("--threads"),
                r.option("--negative-per-mille"), r.option("--tail")));
        r.assertLabelsHash(NerTrainer.dataHash(t.samples(r.corpora(), r.reserved(), new int[5])), "models/ner/officials-ner.bin");
    }

    static OfficialExtractor rules(ModelSource ms) {
        return new OfficialExtractor(ms, OfficialRules.NameSource.RULES);
    }

    static TextStage text(ModelSource ms) {
        return new TextStage(ms, TextStage.DEFAULT_MAX_CHARS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
    }

    static Properties properties(String relative) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(MODELS.resolve(relative), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        assertThat(p.getProperty("command")).as(relative + " records its command").isNotNull();
        return p;
    }

    /** The options of a recorded command: "--name value" pairs. */
    static Map<String, String> options(String command) {
        String[] t = command.split(" ");
        Map<String, String> out = new HashMap<>();
        for (int k = 0; k + 1 < t.length; k++) {
            if (t[k].startsWith("--") && !t[k].contains("=")) {
                out.put(t[k], t[k + 1]);
            }
        }
        return out;
    }

    /** The corpora of a recorded command (its .jsonl.gz arguments), each needed from ../shared. */
    static List<Path> corpora(String command) {
        List<Path> out = new ArrayList<>();
        for (String a : command.split(" ")) {
            if (a.endsWith(".jsonl.gz")) {
                String prefix = "../shared/";
                assertThat(a).as("corpora are read from ../shared").startsWith(prefix);
                out.add(Needs.shared(a.substring(prefix.length())));
            }
        }
        return out;
    }

    static int i(Map<String, String> opt, String name) {
        assertThat(opt).as("the recorded command gives " + name).containsKey(name);
        return Integer.parseInt(opt.get(name));
    }

    static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

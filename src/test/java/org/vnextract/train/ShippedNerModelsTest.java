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

    @Test
    void entityTaggerLabelsAreThoseItWasTrainedOn() throws IOException {
        Properties p = properties("ner/entities-ner.properties");
        Map<String, String> opt = options(p.getProperty("command"));
        List<Path> corpora = corpora(p.getProperty("command"));
        ModelSource ms = ModelSource.directory(MODELS);
        EntityTrainer.Settings s = new EntityTrainer.Settings(i(opt, "--max-sentences"), i(opt, "--iterations"), i(opt, "--cutoff"),
                i(opt, "--threads"), i(opt, "--article-per-mille"), i(opt, "--negative-per-mille"), i(opt, "--tail"));
        EntityTrainer t = new EntityTrainer(new OfficialExtractor(ms, OfficialRules.NameSource.RULES), Gazetteer.load(ms),
                new TextStage(ms, TextStage.DEFAULT_MAX_CHARS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS), SegmentStage.standard(ms), s);
        EntityTrainer.Labelled d = t.label(corpora, BulkArticles.readReserved(Path.of(opt.get("--reserved"))));
        assertThat(NerTrainer.dataHash(d.samples()))
                .as("the entity tagger's training labels changed (rules or gazetteers) since models/ner/entities-ner.bin was"
                        + " trained; retrain it with%n  %s%nand commit the model with its properties", p.getProperty("command"))
                .isEqualTo(p.getProperty("training-data.sha256"));
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
        Properties p = properties("ner/officials-ner.properties");
        Map<String, String> opt = options(p.getProperty("command"));
        List<Path> corpora = corpora(p.getProperty("command"));
        ModelSource ms = ModelSource.directory(MODELS);
        NerTrainer t = new NerTrainer(new OfficialExtractor(ms, OfficialRules.NameSource.RULES),
                new TextStage(ms, TextStage.DEFAULT_MAX_CHARS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS), SegmentStage.standard(ms),
                new NerTrainer.Settings(i(opt, "--max-sentences"), i(opt, "--iterations"), i(opt, "--cutoff"), i(opt, "--threads"),
                        i(opt, "--negative-per-mille"), i(opt, "--tail")));
        assertThat(NerTrainer.dataHash(t.samples(corpora, BulkArticles.readReserved(Path.of(opt.get("--reserved"))), new int[5])))
                .as("the officials name finder's training labels changed (the officials rules) since models/ner/officials-ner.bin"
                        + " was trained; retrain it with%n  %s%nand commit the model with its properties", p.getProperty("command"))
                .isEqualTo(p.getProperty("training-data.sha256"));
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

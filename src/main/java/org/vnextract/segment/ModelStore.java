package org.vnextract.segment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.vnextract.internal.Sha256;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.PipelineException;

/**
 * Finds and reads the third-party word-segmenter model files ({@code models/vncorenlp/}, shipped in
 * the repository and packed into the jar like the rest of {@code models/}). Looks, in order, in the
 * directories given ({@code $VNEXTRACT_MODELS}, then the {@code --models} directory), a file being at
 * {@code <root>/vncorenlp/wordsegmenter/<name>}, and then in the copy inside the jar (on the class
 * path). Whatever copy is found must have the expected SHA-256: a damaged or different file is an
 * error, never silently used. Nothing is downloaded.
 *
 * <p>Immutable; thread-safe.
 */
public final class ModelStore {
    /** One model file: where it lives under a root, its size and its digest. */
    public record ModelFile(String name, String relativePath, long bytes, String sha256) {
        public ModelFile {
            Validate.notEmpty(name, "name");
            Validate.notEmpty(relativePath, "relativePath");
            Validate.positive(bytes, "bytes");
            Validate.notEmpty(sha256, "sha256");
        }
    }

    /** The rule tree: {@code wordsegmenter.rdr} in VnCoreNLP, {@code Model.RDR} in RDRsegmenter. */
    public static final ModelFile RULES = new ModelFile("wordsegmenter.rdr", "vncorenlp/wordsegmenter/wordsegmenter.rdr",
            128_508, "9e62f96bd93e37a24f364238e8d8ae986fa5dad6dbc9f4eae622ab3651b7fa06");
    /** The vocabulary: {@code vi-vocab} in VnCoreNLP, {@code VnVocab} in RDRsegmenter. */
    public static final ModelFile VOCABULARY = new ModelFile("vi-vocab", "vncorenlp/wordsegmenter/vi-vocab",
            526_544, "0a47c5b55bbce163029d37730a67b9479740388695c29c106c112b815613eaa5");
    /** A directory holding another copy ({@code DIR/vncorenlp/wordsegmenter/…}), searched first. */
    public static final String ENV = "VNEXTRACT_MODELS";
    /** Where the copy inside the jar sits on the class path. */
    static final String BUNDLED_PREFIX = "models/";

    private final List<Path> roots;
    private final ClassLoader bundled; // null: no copy on the class path is looked at

    /**
     * @param roots   directories to look in, in order
     * @param bundled the class loader whose {@code models/…} resources are looked at after the roots, or null
     */
    public ModelStore(List<Path> roots, ClassLoader bundled) {
        this.roots = List.copyOf(Validate.noNulls(roots, "roots"));
        this.bundled = bundled;
    }

    /** {@code $VNEXTRACT_MODELS}, then the copy inside the jar. */
    public static ModelStore standard() {
        return standard(ModelSource.bundled());
    }

    /** {@code $VNEXTRACT_MODELS}, then the directory of {@code models} when it is one ({@code --models}), then the jar. */
    public static ModelStore standard(ModelSource models) {
        Validate.notNull(models, "models");
        LinkedHashSet<Path> roots = new LinkedHashSet<>();
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            roots.add(Path.of(env).toAbsolutePath().normalize());
        }
        models.directory().ifPresent(d -> roots.add(d.toAbsolutePath().normalize()));
        return new ModelStore(new ArrayList<>(roots), ModelStore.class.getClassLoader());
    }

    public List<Path> roots() {
        return roots;
    }

    /** One model file's bytes (digest checked) and where they came from. */
    public record Found(String where, byte[] bytes) {}

    /**
     * The bytes of {@code f} from the first place that has it, after checking their SHA-256.
     * @throws PipelineException naming the file and every place looked in when none has it, or the
     *         place, the expected and the actual digest when the copy found differs
     */
    public Found read(ModelFile f) {
        Validate.notNull(f, "f");
        for (Path r : roots) {
            Path p = r.resolve(f.relativePath());
            if (Files.isRegularFile(p)) {
                try {
                    return checked(f, p.toString(), Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new PipelineException("cannot read word-segmenter model file " + p + ": " + e.getMessage(), e);
                }
            }
        }
        String resource = BUNDLED_PREFIX + f.relativePath();
        if (bundled != null) {
            try (InputStream in = bundled.getResourceAsStream(resource)) {
                if (in != null) {
                    return checked(f, "the jar's " + resource, in.readAllBytes());
                }
            } catch (IOException e) {
                throw new PipelineException("cannot read word-segmenter model file " + resource + " from the jar: "
                        + e.getMessage(), e);
            }
        }
        StringBuilder sb = new StringBuilder("word-segmenter model file '").append(f.name()).append("' not found; looked for ");
        for (String w : places(f)) {
            sb.append("\n  ").append(w);
        }
        sb.append("\nSet $").append(ENV).append(" (or --models) to a directory holding ").append(f.relativePath())
                .append(", or rebuild the jar from a checkout that has models/").append(f.relativePath()).append('.');
        throw new PipelineException(sb.toString());
    }

    /** Where {@code f} is looked for, in order. */
    public List<String> places(ModelFile f) {
        Validate.notNull(f, "f");
        List<String> out = new ArrayList<>();
        for (Path r : roots) {
            out.add(r.resolve(f.relativePath()).toString());
        }
        if (bundled != null) {
            out.add("the jar's " + BUNDLED_PREFIX + f.relativePath());
        }
        return out;
    }

    private static Found checked(ModelFile f, String where, byte[] bytes) {
        String digest = Sha256.hex(bytes);
        if (!digest.equals(f.sha256())) {
            throw new PipelineException("word-segmenter model file " + where + " is not the expected " + f.name()
                    + ": sha256 " + digest + " (" + bytes.length + " bytes), expected " + f.sha256() + " (" + f.bytes()
                    + " bytes); a damaged or different copy (see models/vncorenlp/README.md)");
        }
        return new Found(where, bytes);
    }

    /** A loaded segmenter and the version of the model files it came from, for record provenance. */
    public record Loaded(WordSegmenter segmenter, String version) {}

    /** Loads the segmenter from the files found. */
    public WordSegmenter loadSegmenter(SegmenterLexicons lexicons) {
        return load(lexicons).segmenter();
    }

    /**
     * Loads the segmenter from the files found; its version names the files' digests
     * ({@code "RDRsegmenter 9e62f96bd93e/0a47c5b55bbc"}: the first 12 hex digits of each SHA-256).
     * @throws PipelineException when a file is missing, differs from the expected one or cannot be parsed
     */
    public Loaded load(SegmenterLexicons lexicons) {
        Validate.notNull(lexicons, "lexicons");
        Found rules = read(RULES);
        Found vocab = read(VOCABULARY);
        try {
            WordSegmenter seg = WordSegmenter.load(new ByteArrayInputStream(rules.bytes()),
                    new ByteArrayInputStream(vocab.bytes()), lexicons);
            return new Loaded(seg, "RDRsegmenter " + RULES.sha256().substring(0, 12) + "/" + VOCABULARY.sha256().substring(0, 12));
        } catch (IOException e) {
            throw new PipelineException("cannot load the word segmenter from " + rules.where() + " and " + vocab.where()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ModelStore" + places(RULES);
    }
}

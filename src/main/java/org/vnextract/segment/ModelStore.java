package org.vnextract.segment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.vnextract.internal.Sha256;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.PipelineException;

/**
 * Finds the third-party word-segmenter model files, which may not be committed to this repository.
 * Looks, in order, in {@code $VNEXTRACT_MODELS}, {@code models/cache/} and {@code ../shared/models/},
 * each relative to the working directory and then to the jar's directory (and its parent, since the
 * jar sits in {@code target/}); a file is at {@code <root>/vncorenlp/wordsegmenter/<name>}. When
 * none has it, downloads it from the RDRsegmenter repository (Apache-2.0; same bytes as VnCoreNLP's
 * copies) into {@code models/cache/}, checks its size and SHA-256, and only then moves it into place.
 * When that fails too, the error names the file, every place looked in, and the download error.
 *
 * <p>Immutable; thread-safe (two processes downloading at once each write their own temporary file
 * and move it atomically).
 */
public final class ModelStore {
    /** One model file: where it lives under a root, where it is downloaded from, and its digest. */
    public record ModelFile(String name, String relativePath, String sourceName, long bytes, String sha256) {
        public ModelFile {
            Validate.notEmpty(name, "name");
            Validate.notEmpty(relativePath, "relativePath");
            Validate.notEmpty(sourceName, "sourceName");
            Validate.notEmpty(sha256, "sha256");
        }
    }

    /** The rule tree: {@code Model.RDR} in RDRsegmenter, {@code wordsegmenter.rdr} in VnCoreNLP. */
    public static final ModelFile RULES = new ModelFile("wordsegmenter.rdr", "vncorenlp/wordsegmenter/wordsegmenter.rdr",
            "Model.RDR", 128_508, "9e62f96bd93e37a24f364238e8d8ae986fa5dad6dbc9f4eae622ab3651b7fa06");
    /** The vocabulary: {@code VnVocab} in RDRsegmenter, {@code vi-vocab} in VnCoreNLP. */
    public static final ModelFile VOCABULARY = new ModelFile("vi-vocab", "vncorenlp/wordsegmenter/vi-vocab",
            "VnVocab", 526_544, "0a47c5b55bbce163029d37730a67b9479740388695c29c106c112b815613eaa5");
    /** RDRsegmenter at the commit whose files match the digests above. */
    public static final URI DEFAULT_SOURCE = URI.create(
            "https://raw.githubusercontent.com/datquocnguyen/RDRsegmenter/e15dfcaca292af2e049a9ef5a258fedf4dc236e6/");
    public static final String ENV = "VNEXTRACT_MODELS";

    private final List<Path> roots;
    private final Path cache;
    private final URI source; // null: never download
    private final Duration timeout;

    /**
     * @param roots  directories to look in, in order
     * @param cache  where downloads go (also searched, first among the roots if not listed)
     * @param source base URI the files are downloaded from ({@code http}, {@code https} or {@code file}), or null
     */
    public ModelStore(List<Path> roots, Path cache, URI source, Duration timeout) {
        this.roots = List.copyOf(Validate.noNulls(roots, "roots"));
        this.cache = Validate.notNull(cache, "cache");
        if (source != null) {
            String scheme = source.getScheme();
            Validate.isTrue("https".equals(scheme) || "http".equals(scheme) || "file".equals(scheme), "source",
                    "must be an http, https or file URI, was " + source);
        }
        this.source = source;
        this.timeout = Validate.notNull(timeout, "timeout");
    }

    /** The standard search order, downloading from {@link #DEFAULT_SOURCE} into {@code ./models/cache}. */
    public static ModelStore standard() {
        Path cwd = Path.of("").toAbsolutePath();
        LinkedHashSet<Path> roots = new LinkedHashSet<>();
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            roots.add(Path.of(env).toAbsolutePath());
        }
        List<Path> bases = new ArrayList<>();
        bases.add(cwd);
        jarDirectory().ifPresent(d -> {
            bases.add(d);
            if (d.getParent() != null) {
                bases.add(d.getParent());
            }
        });
        for (Path b : bases) {
            roots.add(b.resolve("models/cache").normalize());
        }
        for (Path b : bases) {
            roots.add(b.resolve("../shared/models").normalize());
        }
        return new ModelStore(new ArrayList<>(roots), cwd.resolve("models/cache"), DEFAULT_SOURCE, Duration.ofSeconds(60));
    }

    private static Optional<Path> jarDirectory() {
        try {
            CodeSource cs = ModelStore.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) {
                return Optional.empty();
            }
            Path p = Path.of(cs.getLocation().toURI());
            return Optional.ofNullable(Files.isDirectory(p) ? p : p.getParent());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public List<Path> roots() {
        return roots;
    }

    /** Where {@code f} already is, without downloading. */
    public Optional<Path> find(ModelFile f) {
        Validate.notNull(f, "f");
        for (Path r : searchOrder()) {
            Path p = r.resolve(f.relativePath());
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private List<Path> searchOrder() {
        List<Path> order = new ArrayList<>(roots);
        if (!order.contains(cache)) {
            order.add(cache);
        }
        return order;
    }

    /**
     * Where {@code f} is, downloading it into the cache when it is nowhere.
     * @throws PipelineException naming the file, the places looked in and why the download failed
     */
    public Path locate(ModelFile f) {
        Optional<Path> found = find(f);
        if (found.isPresent()) {
            return found.get();
        }
        String why;
        if (source == null) {
            why = "downloading is switched off";
        } else {
            try {
                return download(f);
            } catch (IOException | UncheckedIOException e) {
                why = "download from " + source.resolve(f.sourceName()) + " failed: "
                        + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                why = "download interrupted";
            }
        }
        StringBuilder sb = new StringBuilder("word-segmenter model file '").append(f.name()).append("' not found; looked for ");
        for (Path r : searchOrder()) {
            sb.append("\n  ").append(r.resolve(f.relativePath()));
        }
        sb.append("\n").append(why).append(". Set $").append(ENV).append(" to a directory holding ")
                .append(f.relativePath()).append(", or copy the file there.");
        throw new PipelineException(sb.toString());
    }

    /** Downloads {@code f} into the cache, checking size and SHA-256 before it becomes visible. */
    Path download(ModelFile f) throws IOException, InterruptedException {
        URI uri = source.resolve(f.sourceName());
        byte[] bytes;
        if ("file".equals(uri.getScheme())) {
            try (InputStream in = Files.newInputStream(Path.of(uri))) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, f.bytes() + 1));
            }
        } else {
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
            HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = resp.body()) {
                if (resp.statusCode() != 200) {
                    throw new IOException("HTTP " + resp.statusCode());
                }
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, f.bytes() + 1));
            }
        }
        if (bytes.length != f.bytes()) {
            throw new IOException("expected " + f.bytes() + " bytes, got " + (bytes.length > f.bytes() ? "more" : bytes.length));
        }
        String digest = Sha256.hex(bytes);
        if (!digest.equals(f.sha256())) {
            throw new IOException("sha256 mismatch: expected " + f.sha256() + ", got " + digest);
        }
        Path target = cache.resolve(f.relativePath());
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), f.name(), ".part");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** A loaded segmenter and the version of the model files it came from, for record provenance. */
    public record Loaded(WordSegmenter segmenter, String version) {}

    /** Loads the segmenter from the located files. */
    public WordSegmenter loadSegmenter(SegmenterLexicons lexicons) {
        return load(lexicons).segmenter();
    }

    /**
     * Loads the segmenter from the located files; its version names the files' digests
     * ({@code "RDRsegmenter 9e62f96bd93e/0a47c5b55bbc"}: the first 12 hex digits of each SHA-256).
     */
    public Loaded load(SegmenterLexicons lexicons) {
        Validate.notNull(lexicons, "lexicons");
        Path rules = locate(RULES);
        Path vocab = locate(VOCABULARY);
        try {
            byte[] r = Files.readAllBytes(rules);
            byte[] v = Files.readAllBytes(vocab);
            WordSegmenter seg = WordSegmenter.load(new java.io.ByteArrayInputStream(r), new java.io.ByteArrayInputStream(v),
                    lexicons);
            return new Loaded(seg, "RDRsegmenter " + Sha256.hex(r).substring(0, 12) + "/" + Sha256.hex(v).substring(0, 12));
        } catch (IOException e) {
            throw new PipelineException("cannot load the word segmenter from " + rules + " and " + vocab + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ModelStore" + searchOrder();
    }
}

package org.vnextract.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vnextract.internal.Validate;

/**
 * Where the project's own rule files and lexicons ({@code models/…} in the repository) are read
 * from: a directory given by the user, or the copy packed into the jar. Each file is read once,
 * when a stage is built; nothing here caches.
 *
 * <p>Immutable; thread-safe.
 */
public final class ModelSource {
    private final Path directory; // null: the classpath copy under models/

    private ModelSource(Path directory) {
        this.directory = directory;
    }

    /** The rules and lexicons packed into the jar. */
    public static ModelSource bundled() {
        return new ModelSource(null);
    }

    /** Rules and lexicons from a directory laid out like the repository's {@code models/}. */
    public static ModelSource directory(Path directory) {
        Validate.notNull(directory, "directory");
        Validate.isTrue(Files.isDirectory(directory), "directory", "is not a directory: " + directory);
        return new ModelSource(directory);
    }

    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** Opens {@code models/<relative>}. @throws PipelineException naming the file when it is missing */
    public InputStream open(String relative) {
        Validate.notEmpty(relative, "relative");
        try {
            if (directory != null) {
                Path p = directory.resolve(relative);
                if (!Files.isRegularFile(p)) {
                    throw new PipelineException("model file not found: " + p);
                }
                return Files.newInputStream(p);
            }
            InputStream in = ModelSource.class.getClassLoader().getResourceAsStream("models/" + relative);
            if (in == null) {
                throw new PipelineException("model file not found in the jar: models/" + relative);
            }
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + relative, e);
        }
    }

    /**
     * The lines of a UTF-8 rule or lexicon file, without blank lines and {@code #} comments, trimmed
     * of trailing white space. Lines keep their tabs (columns).
     */
    public List<String> lines(String relative) {
        try (InputStream in = open(relative)) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String line : all.split("\r?\n", -1)) {
                String l = line.stripTrailing();
                if (l.isEmpty() || l.stripLeading().startsWith("#")) {
                    continue;
                }
                out.add(l.startsWith("\uFEFF") ? l.substring(1) : l);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + relative, e);
        }
    }

    @Override
    public String toString() {
        return directory == null ? "models/ (bundled)" : directory.toString();
    }
}

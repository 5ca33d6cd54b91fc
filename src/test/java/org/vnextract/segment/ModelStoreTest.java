package org.vnextract.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.internal.Sha256;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.PipelineException;

class ModelStoreTest {
    private static final byte[] CONTENT = "wordsegmenter rules\n".getBytes(StandardCharsets.UTF_8);
    private static final ModelStore.ModelFile FILE = new ModelStore.ModelFile("rules.rdr",
            "vncorenlp/wordsegmenter/rules.rdr", CONTENT.length, Sha256.hex(CONTENT));

    @TempDir
    Path dir;

    /** A class loader that sees only {@code dir} (as the jar would hold {@code models/…}). */
    private static ClassLoader loaderOver(Path dir) throws IOException {
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    }

    @Test
    void findsTheFirstRootThatHasTheFileThenTheBundledCopy() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path jar = dir.resolve("jar");
        write(jar.resolve("models").resolve(FILE.relativePath()), CONTENT);
        ModelStore store = new ModelStore(List.of(a, b), loaderOver(jar));
        assertThat(store.read(FILE).where()).isEqualTo("the jar's models/" + FILE.relativePath());
        assertThat(store.read(FILE).bytes()).isEqualTo(CONTENT);
        write(b.resolve(FILE.relativePath()), CONTENT);
        assertThat(store.read(FILE).where()).isEqualTo(b.resolve(FILE.relativePath()).toString());
        write(a.resolve(FILE.relativePath()), CONTENT);
        assertThat(store.read(FILE).where()).isEqualTo(a.resolve(FILE.relativePath()).toString());
    }

    @Test
    void aCopyWithTheWrongDigestIsRefusedNotSkipped() throws IOException {
        byte[] tampered = CONTENT.clone();
        tampered[0] ^= 1;
        Path a = dir.resolve("a");
        Path jar = dir.resolve("jar");
        write(a.resolve(FILE.relativePath()), tampered);
        write(jar.resolve("models").resolve(FILE.relativePath()), CONTENT);
        ModelStore store = new ModelStore(List.of(a), loaderOver(jar));
        assertThatThrownBy(() -> store.read(FILE)).isInstanceOf(PipelineException.class)
                .hasMessageContaining(a.resolve(FILE.relativePath()).toString())
                .hasMessageContaining("sha256 " + Sha256.hex(tampered))
                .hasMessageContaining("expected " + FILE.sha256());
    }

    @Test
    void aMissingFileNamesEveryPlaceLookedIn() {
        Path a = dir.resolve("a");
        ModelStore store = new ModelStore(List.of(a), null);
        assertThatThrownBy(() -> store.read(FILE)).isInstanceOf(PipelineException.class)
                .hasMessageContaining("'rules.rdr' not found")
                .hasMessageContaining(a.resolve(FILE.relativePath()).toString())
                .hasMessageContaining(ModelStore.ENV);
        assertThat(new ModelStore(List.of(a), getClass().getClassLoader()).places(FILE))
                .containsExactly(a.resolve(FILE.relativePath()).toString(), "the jar's models/" + FILE.relativePath());
    }

    @Test
    void theModelsDirectoryIsSearchedBeforeTheJar() {
        ModelStore store = ModelStore.standard(ModelSource.directory(dir));
        assertThat(store.roots()).endsWith(dir.toAbsolutePath().normalize());
        assertThat(store.places(ModelStore.RULES)).last().isEqualTo("the jar's models/vncorenlp/wordsegmenter/wordsegmenter.rdr");
        // the directory has no model files: the copy in the jar is used
        assertThat(store.read(ModelStore.RULES).where()).startsWith("the jar's");
    }

    @Test
    void theShippedFilesHaveTheDigestsOfTheirOrigin() throws IOException {
        // models/vncorenlp/README.md lists the same digests; the copy the tests and the jar use is checked here
        assertThat(ModelStore.RULES.sha256()).isEqualTo("9e62f96bd93e37a24f364238e8d8ae986fa5dad6dbc9f4eae622ab3651b7fa06");
        assertThat(ModelStore.VOCABULARY.sha256()).isEqualTo("0a47c5b55bbce163029d37730a67b9479740388695c29c106c112b815613eaa5");
        for (ModelStore.ModelFile f : List.of(ModelStore.RULES, ModelStore.VOCABULARY)) {
            byte[] repo = Files.readAllBytes(Path.of("models").resolve(f.relativePath()));
            assertThat(repo).hasSize((int) f.bytes());
            assertThat(Sha256.hex(repo)).isEqualTo(f.sha256());
            assertThat(ModelStore.standard().read(f).bytes()).isEqualTo(repo);
            assertThat(Files.readString(Path.of("models/vncorenlp/README.md"))).contains(f.sha256());
        }
        assertThat(Path.of("models/vncorenlp/LICENSE.Apache-2.0")).isRegularFile();
        assertThat(Path.of("models/vncorenlp/LICENSE.GPL-3.0")).isRegularFile();
    }

    private static void write(Path p, byte[] bytes) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }
}

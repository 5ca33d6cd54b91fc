package org.vnextract.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.internal.Sha256;
import org.vnextract.pipeline.PipelineException;

class ModelStoreTest {
    private static final byte[] CONTENT = "wordsegmenter rules\n".getBytes(StandardCharsets.UTF_8);
    private static final ModelStore.ModelFile FILE = new ModelStore.ModelFile("rules.rdr",
            "vncorenlp/wordsegmenter/rules.rdr", "Model.RDR", CONTENT.length, Sha256.hex(CONTENT));

    @TempDir
    Path dir;

    @Test
    void findsTheFirstRootThatHasTheFile() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        write(b.resolve(FILE.relativePath()), CONTENT);
        ModelStore store = new ModelStore(List.of(a, b), dir.resolve("cache"), null, Duration.ofSeconds(5));
        assertThat(store.locate(FILE)).isEqualTo(b.resolve(FILE.relativePath()));
        write(a.resolve(FILE.relativePath()), CONTENT);
        assertThat(store.locate(FILE)).isEqualTo(a.resolve(FILE.relativePath()));
    }

    @Test
    void downloadsFromAFileSourceIntoTheCache() throws IOException {
        Path remote = dir.resolve("remote");
        write(remote.resolve("Model.RDR"), CONTENT);
        Path cache = dir.resolve("cache");
        ModelStore store = new ModelStore(List.of(dir.resolve("none")), cache, remote.toUri(), Duration.ofSeconds(5));
        Path got = store.locate(FILE);
        assertThat(got).isEqualTo(cache.resolve(FILE.relativePath()));
        assertThat(Files.readAllBytes(got)).isEqualTo(CONTENT);
        // found in the cache next time, without the source
        Files.delete(remote.resolve("Model.RDR"));
        assertThat(store.locate(FILE)).isEqualTo(got);
    }

    @Test
    void downloadsOverHttpFromALoopbackServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/repo/Model.RDR", ex -> {
            ex.sendResponseHeaders(200, CONTENT.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(CONTENT);
            }
        });
        server.start();
        try {
            URI source = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/repo/");
            ModelStore store = new ModelStore(List.of(), dir.resolve("cache"), source, Duration.ofSeconds(10));
            assertThat(Files.readAllBytes(store.locate(FILE))).isEqualTo(CONTENT);
            ModelStore.ModelFile missing = new ModelStore.ModelFile("vocab", "vncorenlp/wordsegmenter/vocab", "VnVocab", 3, "00");
            assertThatThrownBy(() -> store.locate(missing)).isInstanceOf(PipelineException.class)
                    .hasMessageContaining("HTTP 404").hasMessageContaining("'vocab' not found");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusesADownloadWithTheWrongDigestAndSaysWhereItLooked() throws IOException {
        Path remote = dir.resolve("remote");
        byte[] tampered = CONTENT.clone();
        tampered[0] ^= 1;
        write(remote.resolve("Model.RDR"), tampered);
        Path cache = dir.resolve("cache");
        Path root = dir.resolve("shared");
        ModelStore store = new ModelStore(List.of(root), cache, remote.toUri(), Duration.ofSeconds(5));
        assertThatThrownBy(() -> store.locate(FILE)).isInstanceOf(PipelineException.class)
                .hasMessageContaining("sha256 mismatch")
                .hasMessageContaining("'rules.rdr' not found")
                .hasMessageContaining(root.resolve(FILE.relativePath()).toString())
                .hasMessageContaining(cache.resolve(FILE.relativePath()).toString());
        assertThat(Files.exists(cache.resolve(FILE.relativePath()))).isFalse();
        if (Files.isDirectory(cache)) {
            try (Stream<Path> left = Files.walk(cache)) {
                assertThat(left.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    @Test
    void withoutASourceTheErrorSaysSo() {
        ModelStore store = new ModelStore(List.of(dir), dir.resolve("cache"), null, Duration.ofSeconds(5));
        assertThatThrownBy(() -> store.locate(FILE)).isInstanceOf(PipelineException.class)
                .hasMessageContaining("downloading is switched off").hasMessageContaining(ModelStore.ENV);
    }

    @Test
    void theStandardFilesAreTheOnesFormatMdLists() {
        assertThat(ModelStore.RULES.sha256()).isEqualTo("9e62f96bd93e37a24f364238e8d8ae986fa5dad6dbc9f4eae622ab3651b7fa06");
        assertThat(ModelStore.VOCABULARY.sha256()).isEqualTo("0a47c5b55bbce163029d37730a67b9479740388695c29c106c112b815613eaa5");
        assertThat(ModelStore.DEFAULT_SOURCE.resolve(ModelStore.RULES.sourceName()).toString())
                .startsWith("https://raw.githubusercontent.com/datquocnguyen/RDRsegmenter/").endsWith("/Model.RDR");
    }

    private static void write(Path p, byte[] bytes) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }
}

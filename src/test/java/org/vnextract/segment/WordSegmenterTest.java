package org.vnextract.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vnextract.text.Tokenizer;

class WordSegmenterTest {
    private static WordSegmenter seg;
    private final Tokenizer tokenizer = new Tokenizer();

    @BeforeAll
    static void load() throws IOException {
        seg = Segmenters.load();
    }

    static Stream<String> positive() throws IOException {
        return corpus("positive.txt");
    }

    static Stream<String> negative() throws IOException {
        return corpus("negative.txt");
    }

    private static Stream<String> corpus(String name) throws IOException {
        try (InputStream in = WordSegmenterTest.class.getResourceAsStream("/segment/" + name)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            assertThat(lines).isNotEmpty();
            return lines.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("positive")
    void joinsWords(String expected) {
        assertThat(Segmenters.segment(seg, tokenizer, expected.replace('_', ' '))).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("negative")
    void keepsWordsApart(String expected) {
        assertThat(Segmenters.segment(seg, tokenizer, expected.replace('_', ' '))).isEqualTo(expected);
    }

    @Test
    void keepsTheSourceSpelling() {
        // the vocabulary writes "uỷ", "hoà"; the output keeps what the article wrote
        assertThat(Segmenters.segment(seg, tokenizer, "Tỉnh ủy Hòa Bình")).isEqualTo("Tỉnh_ủy Hòa_Bình");
        assertThat(Segmenters.segment(seg, tokenizer, "Tỉnh uỷ Hoà Bình")).isEqualTo("Tỉnh_uỷ Hoà_Bình");
    }

    @Test
    void emptyAndOneTokenSentences() {
        boolean[] b = new boolean[1];
        seg.segment("", new int[0], new int[0], 0, b);
        assertThat(Segmenters.segment(seg, tokenizer, "Hà")).isEqualTo("Hà");
    }

    @Test
    void sameAnswersFromManyThreads() throws Exception {
        List<String> lines = positive().map(l -> l.replace('_', ' ')).toList();
        List<String> expected = lines.stream().map(l -> Segmenters.segment(seg, tokenizer, l)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                fs.add(pool.submit(() -> {
                    List<String> out = new ArrayList<>();
                    for (int r = 0; r < 50; r++) {
                        out.clear();
                        for (String l : lines) {
                            out.add(Segmenters.segment(seg, tokenizer, l));
                        }
                    }
                    return out;
                }));
            }
            for (Future<List<String>> f : fs) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A tiny model: the rules of the method without the real files. */
    @Test
    void methodOnATinyModel() throws IOException {
        String rules = "True : object.conclusion = \"NN\"\n"
                + "\tobject.tag == \"I\" : object.conclusion = \"I\"\n"
                + "\t\tobject.prevWord1 == \"con\" and object.word == \"gái\" : object.conclusion = \"B\"\n"
                + "\tobject.tag == \"B\" : object.conclusion = \"B\"\n"
                + "\t\tobject.prevWord1 == \"học\" and object.word == \"sinh\" : object.conclusion = \"I\"\n";
        WordSegmenter s = WordSegmenter.load(new ByteArrayInputStream(rules.getBytes(StandardCharsets.UTF_8)),
                vocab(Set.of("con gái", "hoà bình", "bí thư")),
                new SegmenterLexicons(List.of("Quảng Nam"), List.of("Tân Lập"), List.of("Nguyễn"), List.of("Văn"),
                        List.of("An"), List.of("theo"), List.of(), List.of()));
        // the rule tree splits "con gái" although the vocabulary has it, and joins "học sinh" that it lacks
        assertThat(Segmenters.segment(s, tokenizer, "con gái học sinh")).isEqualTo("con gái học_sinh");
        // the tone mark is moved only for the look-up
        assertThat(Segmenters.segment(s, tokenizer, "hòa bình")).isEqualTo("hòa_bình");
        // major places join in any case, communes only when capitalised
        assertThat(Segmenters.segment(s, tokenizer, "về quảng nam")).isEqualTo("về quảng_nam");
        assertThat(Segmenters.segment(s, tokenizer, "xã Tân Lập và tân lập")).isEqualTo("xã Tân_Lập và tân lập");
        // capitalised runs are names; a listed word does not begin one
        assertThat(Segmenters.segment(s, tokenizer, "Theo Nguyễn Văn An")).isEqualTo("Theo Nguyễn_Văn_An");
        assertThat(Segmenters.segment(s, tokenizer, "ông Nguyễn Văn An")).isEqualTo("ông Nguyễn_Văn_An");
        // punctuation never joins
        assertThat(Segmenters.segment(s, tokenizer, "Nguyễn Văn An, Bí thư")).isEqualTo("Nguyễn_Văn_An , Bí_thư");
    }

    static InputStream vocab(Set<String> words) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new HashSet<>(words));
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}

package org.vnextract.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenizerTest {
    private final Tokenizer tokenizer = new Tokenizer();

    static Stream<Arguments> positive() throws IOException {
        return corpus("positive.tsv");
    }

    static Stream<Arguments> negative() throws IOException {
        return corpus("negative.tsv");
    }

    private static Stream<Arguments> corpus(String name) throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = TokenizerTest.class.getResourceAsStream("/segment/tokens/" + name)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                out.add(Arguments.of(cols[0], cols[1], cols.length > 2 ? cols[2] : null));
            }
        }
        assertThat(out).isNotEmpty();
        return out.stream();
    }

    private List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        tokenizer.tokenize(text, 0, text.length(), out);
        return out;
    }

    @ParameterizedTest
    @MethodSource("positive")
    void keepsDomainTokensWhole(String text, String expected, String kind) {
        check(text, expected, kind);
    }

    @ParameterizedTest
    @MethodSource("negative")
    void endsTokensWhereItMust(String text, String expected, String kind) {
        check(text, expected, kind);
    }

    private void check(String text, String expected, String kind) {
        List<Token> toks = tokens(text);
        List<String> got = toks.stream().map(t -> text.substring(t.start(), t.end())).toList();
        List<String> want = new ArrayList<>();
        int marked = -1;
        for (String w : expected.split(" \\| ")) {
            if (w.endsWith("*")) {
                marked = want.size();
                w = w.substring(0, w.length() - 1);
            }
            want.add(w);
        }
        assertThat(got).as(text).containsExactlyElementsOf(want);
        if (kind != null && marked >= 0) {
            assertThat(toks.get(marked).kind()).as(text).isEqualTo(TokenKind.valueOf(kind));
        }
    }

    @Test
    void offsetsPointIntoTheTextAndAreOrdered() {
        String text = "  Ông A, Bí thư Tỉnh ủy (21-KL/TW) 😀 ngày 28-6-2021.";
        int prev = 0;
        for (Token t : tokens(text)) {
            assertThat(t.start()).isGreaterThanOrEqualTo(prev);
            assertThat(t.end()).isGreaterThan(t.start());
            assertThat(text.substring(t.start(), t.end()).strip()).isNotEmpty();
            prev = t.end();
        }
        // the emoji (a surrogate pair) is one token
        assertThat(tokens("😀").get(0).length()).isEqualTo(2);
    }

    @Test
    void tokenizesOnlyTheGivenRange() {
        String text = "xxx Bí thư yyy";
        List<Token> out = new ArrayList<>();
        tokenizer.tokenize(text, 4, 10, out);
        assertThat(out).extracting(t -> text.substring(t.start(), t.end())).containsExactly("Bí", "thư");
    }

    @Test
    void unlistedAbbreviationLeavesTheFullStop() {
        Tokenizer bare = new Tokenizer(Set.of());
        List<Token> out = new ArrayList<>();
        String text = "tại TP. Huế";
        bare.tokenize(text, 0, text.length(), out);
        assertThat(out).extracting(t -> text.substring(t.start(), t.end())).containsExactly("tại", "TP", ".", "Huế");
    }

    /** Hostile input: a long run without spaces is tokenized in linear time (no rescans). */
    @Test
    void longRunWithoutSpacesIsLinear() {
        String unit = "(a,";
        String small = unit.repeat(20_000);
        String big = unit.repeat(80_000);
        tokens(small);
        long t0 = System.nanoTime();
        int n1 = tokens(small).size();
        long t1 = System.nanoTime();
        int n2 = tokens(big).size();
        long t2 = System.nanoTime();
        assertThat(n2).isEqualTo(n1 * 4);
        // 4x the input must not cost more than ~4x (quadratic would be 16x); generous bound for noise
        assertThat((double) (t2 - t1)).isLessThan(12.0 * (t1 - t0) + 50_000_000);
    }
}

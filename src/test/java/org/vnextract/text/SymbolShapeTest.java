package org.vnextract.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vnextract.text.SymbolShape.Part;

/** The rows of {@code segment/tokens/symbol_shapes.tsv}, and the bounds of a shape. */
class SymbolShapeTest {
    static Stream<Arguments> rows() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = SymbolShapeTest.class.getResourceAsStream("/segment/tokens/symbol_shapes.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                out.add(Arguments.of(cols[0].replace("\\n", "\n"), cols[1]));
            }
        }
        assertThat(out).isNotEmpty();
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("rows")
    void readsTheWrittenShape(String text, String expected) {
        int i = 0;
        while (!Tokenizer.isDigit(text.charAt(i))) {
            i++;
        }
        assertThat(render(text, SymbolShape.at(text, i))).as(text).isEqualTo(expected);
    }

    @Test
    void staysWithinItsBounds() {
        String text = "1-" + "A".repeat(500) + "/" + "-B".repeat(500);
        SymbolShape s = SymbolShape.at(text, 0);
        assertThat(s.parts()).isEqualTo(2);
        assertThat(s.isCode(1)).isFalse(); // longer than MAX_CODE
        assertThat(s.end(1)).isEqualTo(SymbolShape.MAX_LENGTH);
        String parts = "1" + "-B".repeat(500);
        SymbolShape p = SymbolShape.at(parts, 0);
        assertThat(p.parts()).isLessThanOrEqualTo(SymbolShape.MAX_PARTS);
        assertThat(p.end(p.parts() - 1)).isLessThanOrEqualTo(SymbolShape.MAX_LENGTH);
    }

    private static String render(String text, SymbolShape s) {
        if (s == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        if (s.joinedBefore()) {
            b.append('^');
        }
        b.append(s.number());
        for (int k = 0; k < s.parts(); k++) {
            b.append('|');
            if (s.kind(k) == Part.OTHER) {
                b.append('!');
            }
            for (int c = s.start(k) - s.gap(k); c < s.start(k); c++) {
                char g = text.charAt(c);
                b.append(g == ' ' ? '·' : g == '\n' ? '¶' : '°');
            }
            b.append(s.written(k));
        }
        return b.toString();
    }
}

package org.vnextract.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vnextract.pipeline.ModelSource;

/** The positive and negative corpus of models/boilerplate/lines.tsv. */
class BoilerplateRulesTest {
    private static final BoilerplateRules RULES = BoilerplateRules.load(ModelSource.directory(Path.of("models")));

    static Stream<Arguments> positive() throws IOException {
        return lines("src/test/resources/boilerplate/positive.tsv").stream().map(l -> l.split("\t", 2))
                .map(c -> Arguments.of(c[0], c[1]));
    }

    static Stream<String> negative() throws IOException {
        return lines("src/test/resources/boilerplate/negative.txt").stream();
    }

    private static List<String> lines(String f) throws IOException {
        return Files.readAllLines(Path.of(f), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    @ParameterizedTest
    @MethodSource("positive")
    void recognisesBoilerplate(String expected, String raw) {
        String line = TextCleaner.normalizeLine(raw);
        if (expected.startsWith("strip=>")) {
            assertThat(RULES.judge(line)).isEqualTo(BoilerplateRules.Verdict.KEEP);
            assertThat(RULES.strip(line)).isEqualTo(expected.substring("strip=>".length()));
        } else {
            BoilerplateRules.Verdict v = RULES.judge(line);
            assertThat(v).as(line).isEqualTo(expected.equals("drop") ? BoilerplateRules.Verdict.DROP : BoilerplateRules.Verdict.DROP_REST);
        }
    }

    @ParameterizedTest
    @MethodSource("negative")
    void keepsBodyText(String line) {
        assertThat(RULES.judge(line)).as(line).isEqualTo(BoilerplateRules.Verdict.KEEP);
        assertThat(RULES.strip(line)).isEqualTo(line);
    }
}

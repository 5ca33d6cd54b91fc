package org.vnextract.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Model files are read with allow-lists only (issue 9): wherever the main sources open an
 * {@code ObjectInputStream}, an {@code ObjectInputFilter} is set on it within a few lines, and
 * nothing uses {@code XMLDecoder}, which cannot be filtered at all. A source-level check, so it
 * needs no extra dependency and also covers code added later by any branch.
 */
class DeserialisationTest {
    private static final Path MAIN = Path.of("src", "main", "java");
    /** How many lines after {@code new ObjectInputStream} the filter must be set. */
    private static final int NEAR = 8;

    @Test
    void everyObjectInputStreamHasAnAllowList() throws IOException {
        List<String> unfiltered = new ArrayList<>();
        int streams = 0;
        for (Path f : javaFiles()) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.contains("XMLDecoder")) {
                    unfiltered.add(f + ":" + (i + 1) + ": XMLDecoder cannot be given an allow-list");
                }
                if (!l.contains("new ObjectInputStream") && !l.contains("extends ObjectInputStream")) {
                    continue;
                }
                streams++;
                boolean filtered = false;
                for (int k = i; k < Math.min(lines.size(), i + NEAR); k++) {
                    filtered |= lines.get(k).contains("setObjectInputFilter");
                }
                if (!filtered) {
                    unfiltered.add(f + ":" + (i + 1) + ": ObjectInputStream without setObjectInputFilter within " + NEAR + " lines");
                }
            }
        }
        assertThat(unfiltered).as("Java deserialisation without an allow-list (%d streams checked)", streams).isEmpty();
    }

    @Test
    void theCheckSeesAnUnfilteredStream() {
        // the rule itself, on a sample: a filter far below does not count
        List<String> sample = List.of("var in = new ObjectInputStream(raw);", "", "", "", "", "", "", "", "", "in.setObjectInputFilter(f);");
        boolean filtered = false;
        for (int k = 0; k < NEAR; k++) {
            filtered |= sample.get(k).contains("setObjectInputFilter");
        }
        assertThat(filtered).isFalse();
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            assertThat(files).hasSizeGreaterThan(20);
            return files;
        }
    }
}

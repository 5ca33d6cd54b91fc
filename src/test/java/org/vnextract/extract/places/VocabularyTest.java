package org.vnextract.extract.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.Fold;

/** A token's word number, found by name-key filter and folding into a buffer, is the number of its folded text. */
class VocabularyTest {
    @Test
    void tokenNumberIsTheNumberOfItsFoldedText() throws IOException {
        Vocabulary v = new Vocabulary();
        ModelSource m = ModelSource.bundled();
        for (String f : List.of("kinds.tsv", "heads.tsv", "not_heads.txt", "country_cues.txt", "venue_words.txt", "local_cues.txt")) {
            for (String l : m.lines("places/" + f)) {
                for (String w : Fold.fold(l.split("\t")[0].replace("!", "")).split(" ")) {
                    v.add(w);
                }
            }
        }
        assertThat(v.id(Fold.fold("Huyện"))).isGreaterThanOrEqualTo(0);
        char[] buf = new char[64];
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("corpus"))) {
            files = walk.filter(p -> p.toString().endsWith(".txt")).toList();
        }
        int known = 0;
        for (Path p : files) {
            String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            for (String w : text.split("[\\s\\u00A0]+")) {
                String padded = "«" + w + "»";
                int id = v.id(padded, 1, 1 + w.length(), buf);
                assertThat(id).as(w).isEqualTo(v.id(Fold.fold(w)));
                known += id >= 0 ? 1 : 0;
            }
        }
        assertThat(known).isGreaterThan(1000);
        assertThat(v.id("TP.", 0, 3, buf)).isEqualTo(v.id("tp"));
        assertThat(v.id("Thuỷ", 0, 4, buf)).isEqualTo(v.id(Fold.fold("thủy")));
    }
}

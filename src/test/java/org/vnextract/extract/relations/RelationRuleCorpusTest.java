package org.vnextract.extract.relations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vnextract.Vnextract;
import org.vnextract.ingest.ContentType;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.SourceFormat;
import org.vnextract.ingest.SourceMetadata;
import org.vnextract.text.AnalyzedText;

/**
 * Runs the positive and negative corpus of {@code models/relations/relations.tsv}
 * ({@code src/test/resources/relations/}): each text through the real pipeline (documents, then
 * relations), and the relations found must be exactly the ones listed, with a mention that gives
 * back its text.
 */
class RelationRuleCorpusTest {
    private static final Vnextract VX = Vnextract.builder().extractors(Set.of("documents", "relations")).build();

    @ParameterizedTest(name = "relations.{0}.tsv")
    @ValueSource(strings = {"positive", "negative"})
    void eachTextGivesExactlyTheListedRelations(String kind) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/relations/relations." + kind + ".tsv"),
                StandardCharsets.UTF_8);
        SoftAssertions soft = new SoftAssertions();
        int rows = 0;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            rows++;
            String[] c = line.split("\t", -1);
            String text = c[0].replace("\\n", "\n");
            var a = VX.analyze(new RawDocument("test", SourceFormat.TEXT, ContentType.TEXT, text,
                    SourceMetadata.of("test", null), List.of()));
            Set<String> got = new TreeSet<>();
            for (DocumentRelation r : a.get(DocumentRelation.KEY)) {
                got.add(r.from() + " " + r.type() + " " + r.to());
                String article = a.get(AnalyzedText.KEY).text();
                r.mentions().forEach(m -> soft.assertThat(article.substring(m.start(), m.end())).isEqualTo(m.text()));
            }
            Set<String> want = new TreeSet<>();
            for (String w : (c.length > 1 ? c[1] : "").split(";")) {
                if (!w.isBlank()) {
                    want.add(w.strip());
                }
            }
            soft.assertThat(got).as(text).isEqualTo(want);
        }
        assertThat(rows).as("rows in the corpus").isGreaterThan(5);
        soft.assertAll();
    }
}

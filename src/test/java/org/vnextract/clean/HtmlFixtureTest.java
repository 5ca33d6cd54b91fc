package org.vnextract.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vnextract.pipeline.ModelSource;

/**
 * One page per class of HTML the cleaner met on real outlets (issue 15): inline keyword links kept
 * in their sentence, a CamelCase related-news box, a byline only in {@code p.name[data-role=author]},
 * a date only in a visible span, publication times in other forms, entities in JSON-LD authors, a
 * "Theo X" attribution, co-authors. Expectations: {@code src/test/resources/clean/expected.tsv}.
 */
class HtmlFixtureTest {
    private static final Path DIR = Path.of("src/test/resources/clean");
    private static final ModelSource MODELS = ModelSource.directory(Path.of("models"));
    private static final HtmlCleaner HTML = new HtmlCleaner(MODELS, BoilerplateRules.load(MODELS), 512);

    static Stream<String[]> fixtures() throws IOException {
        return Files.readAllLines(DIR.resolve("expected.tsv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void pageGivesItsTitleDateAuthorsAndBody(String file, String title, String published, String authors,
                                             String first, String last, String absent) throws IOException {
        Article a = HTML.clean(Files.readString(DIR.resolve(file), StandardCharsets.UTF_8), null).article();
        List<String> body = new java.util.ArrayList<>(); // the lead, then the body paragraphs
        if (a.lead() != null) {
            body.add(a.lead());
        }
        body.addAll(a.paragraphs());
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(a.title()).as("title").isEqualTo(title);
        soft.assertThat(a.published()).as("published").isEqualTo(published);
        soft.assertThat(a.authors()).as("authors")
                .isEqualTo(authors.equals("-") ? List.of() : Arrays.asList(authors.split("; ")));
        soft.assertThat(body).as("body").isNotEmpty();
        if (!body.isEmpty()) {
            soft.assertThat(body.get(0)).as("first body paragraph").startsWith(first);
            soft.assertThat(body.get(body.size() - 1)).as("last body paragraph").endsWith(last);
        }
        if (!absent.equals("-")) {
            soft.assertThat(String.join("\n", body)).as("body").doesNotContain(absent);
            soft.assertThat(a.authors()).as("authors").noneMatch(x -> x.contains(absent));
        }
        soft.assertAll();
    }
}

package org.vnextract.extract.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the positive and negative example corpus of every rule file of {@code models/documents/}
 * (format: {@code src/test/resources/documents/README.md}).
 */
class DocumentRuleCorpusTest {
    private static final DocumentTestSupport SUPPORT = new DocumentTestSupport();
    /** Corpora that test code rather than a data file: the symbol grammar and the date reader. */
    private static final List<String> CODE_CORPORA = List.of("symbols", "dates", "lists");

    static Stream<String> corpora() throws IOException {
        List<String> out = new ArrayList<>(CODE_CORPORA);
        out.addAll(ruleFiles());
        return out.stream();
    }

    private static List<String> ruleFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("models/documents"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tsv"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyRuleFileHasAPositiveAndANegativeCorpus() throws IOException {
        for (String rule : ruleFiles()) {
            // issuers.tsv and types.tsv are tables of codes: their corpora exercise the codes in symbols
            assertThat(example(rule + ".positive.tsv")).as(rule + " positive corpus").isNotEmpty();
            assertThat(example(rule + ".negative.tsv")).as(rule + " negative corpus").isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0} positive")
    @MethodSource("corpora")
    void positiveExamplesGiveExactlyTheExpectedDocuments(String corpus) throws IOException {
        SoftAssertions soft = new SoftAssertions();
        for (String[] ex : example(corpus + ".positive.tsv")) {
            List<DocumentReference> docs = SUPPORT.documents(ex[0]);
            List<Expectation> want = Expectation.parseAll(ex[1]);
            Set<String> got = docs.stream().map(DocumentReference::id).collect(Collectors.toCollection(TreeSet::new));
            Set<String> ids = want.stream().map(Expectation::id).collect(Collectors.toCollection(TreeSet::new));
            soft.assertThat(got).as("ids of: " + ex[0]).isEqualTo(ids);
            for (Expectation e : want) {
                DocumentReference d = docs.stream().filter(x -> x.id().equals(e.id)).findFirst().orElse(null);
                if (d == null) {
                    continue;
                }
                soft.assertThat(d.explicit()).as("explicit of " + e.id + " in: " + ex[0]).isEqualTo(!e.inferred);
                if (e.date != null) {
                    soft.assertThat(d.date()).as("date of " + e.id + " in: " + ex[0]).isEqualTo(e.date.equals("-") ? null : e.date);
                }
                if (e.issuer != null) {
                    soft.assertThat(d.issuer()).as("issuer of " + e.id + " in: " + ex[0]).isEqualTo(e.issuer);
                }
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0} negative")
    @MethodSource("corpora")
    void negativeExamplesGiveNoneOfTheForbiddenDocuments(String corpus) throws IOException {
        SoftAssertions soft = new SoftAssertions();
        for (String[] ex : example(corpus + ".negative.tsv")) {
            List<DocumentReference> docs = SUPPORT.documents(ex[0]);
            if (ex[1].equals("*")) {
                soft.assertThat(docs).as("documents of: " + ex[0]).isEmpty();
                continue;
            }
            for (Expectation e : Expectation.parseAll(ex[1])) {
                for (DocumentReference d : docs) {
                    if (!d.id().equals(e.id)) {
                        continue;
                    }
                    if (e.date == null && e.issuer == null) {
                        soft.fail("forbidden " + e.id + " found in: " + ex[0]);
                    }
                    if (e.date != null) {
                        soft.assertThat(d.date()).as("date of " + e.id + " in: " + ex[0]).isNotEqualTo(e.date);
                    }
                    if (e.issuer != null) {
                        soft.assertThat(d.issuer()).as("issuer of " + e.id + " in: " + ex[0]).isNotEqualTo(e.issuer);
                    }
                }
            }
        }
        soft.assertAll();
    }

    /** One expected document: {@code ID[!][@DATE][#ISSUER]}. */
    record Expectation(String id, String date, boolean inferred, String issuer) {
        static List<Expectation> parseAll(String s) {
            List<Expectation> out = new ArrayList<>();
            for (String part : s.split(";")) {
                String p = part.strip();
                String issuer = null;
                int hash = p.indexOf('#');
                if (hash >= 0) {
                    issuer = p.substring(hash + 1);
                    p = p.substring(0, hash);
                }
                boolean inferred = p.contains("!");
                p = p.replace("!", "");
                String date = null;
                int at = p.indexOf('@');
                if (at >= 0) {
                    date = p.substring(at + 1);
                    p = p.substring(0, at);
                }
                out.add(new Expectation(p, date, inferred, issuer));
            }
            return out;
        }
    }

    private static List<String[]> example(String name) throws IOException {
        try (InputStream in = DocumentRuleCorpusTest.class.getResourceAsStream("/documents/" + name)) {
            assertThat(in).as("test corpus documents/" + name).isNotNull();
            List<String[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                assertThat(c).as("two columns in documents/" + name + ": " + line).hasSize(2);
                out.add(new String[] {c[0].replace("\\n", "\n"), c[1].strip()});
            }
            return out;
        }
    }
}

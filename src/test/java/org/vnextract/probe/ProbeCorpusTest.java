package org.vnextract.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vnextract.Vnextract;
import org.vnextract.extract.counts.CountMention;
import org.vnextract.extract.documents.DocumentReference;
import org.vnextract.extract.officials.Official;
import org.vnextract.extract.officials.Organization;
import org.vnextract.ingest.ContentType;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.SourceFormat;
import org.vnextract.ingest.SourceMetadata;
import org.vnextract.pipeline.Analysis;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;

/**
 * The probe corpus of issue 13 ({@code src/test/resources/probe/boundaries.tsv}, sentences written
 * for it): names of organisations, issuers and titles and count units begin and end on the
 * segmenter's word boundaries, and officials are people (no place, country, club or eponymous
 * institution; no name running into the next sentence). Each row is one article of one paragraph
 * under a fixed headline; the whole standard pipeline runs. No row may have a name that ends
 * inside a word; rows whose other checks do not pass yet are listed in {@code known-failures.tsv}
 * (before the word rules of issue 13, 42 of the 131 rows passed).
 */
class ProbeCorpusTest {
    private static final String HEADLINE = "Tin trong ngày\n\n";

    record Row(int line, String check, String expected, String sentence) {}

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        try (InputStream in = ProbeCorpusTest.class.getResourceAsStream("/probe/boundaries.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] c = l.split("\t");
                assertThat(c).as("line %d: check, expected, sentence", i + 1).hasSize(3);
                out.add(new Row(i + 1, c[0], c[1], c[2]));
            }
        }
        return out;
    }

    @Test
    void namesEndOnWordsAndOfficialsArePeople() throws IOException {
        Vnextract vx = Vnextract.builder().build();
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(100);
        List<String> failures = new ArrayList<>();
        for (Row r : rows) {
            Analysis a = vx.analyze(new RawDocument("probe-" + r.line(), SourceFormat.TEXT, ContentType.TEXT,
                    HEADLINE + r.sentence(), SourceMetadata.of("probe", null), List.of()));
            String problem = check(r, a);
            if (problem != null) {
                failures.add("line " + r.line() + " [" + r.check() + " " + r.expected() + "] " + problem + " — " + r.sentence());
            }
        }
        System.out.printf("probe: %d of %d rows pass%n", rows.size() - failures.size(), rows.size());
        assertThat(failures).as("no name ends inside a word, in any row").noneMatch(f -> f.contains("inside a word"));
        // the rows not yet passing are listed (a ratchet): a new failure, or a listed row that now
        // passes (take it off the list), fails the test
        Set<String> known = new HashSet<>();
        try (InputStream in = ProbeCorpusTest.class.getResourceAsStream("/probe/known-failures.tsv")) {
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    known.add(l.strip());
                }
            }
        }
        List<String> failing = failures.stream().map(f -> f.substring(f.indexOf('[') + 1, f.indexOf(']'))).toList();
        assertThat(failures).as("rows failing that are not in known-failures.tsv")
                .allMatch(f -> known.contains(f.substring(f.indexOf('[') + 1, f.indexOf(']'))));
        assertThat(known).as("rows of known-failures.tsv that pass now (take them off)").allMatch(failing::contains);
    }

    /** What is wrong with one row's analysis, or null. */
    static String check(Row r, Analysis a) {
        AnalyzedText text = a.get(AnalyzedText.KEY);
        Words words = a.get(Words.KEY);
        Set<Integer> wordEnds = new HashSet<>();
        for (int w = 0; w < words.size(); w++) {
            wordEnds.add(words.end(w));
        }
        List<Official> officials = a.get(Official.KEY);
        List<String> orgs = a.get(Organization.KEY).stream().map(Organization::name).toList();
        List<String> issuers = a.get(DocumentReference.KEY).stream().map(DocumentReference::issuer)
                .filter(x -> x != null).toList();
        List<String> titles = officials.stream().flatMap(o -> o.titles().stream()).toList();
        List<String> units = a.get(CountMention.KEY).stream().map(CountMention::unit).filter(x -> x != null).toList();
        for (Organization o : a.get(Organization.KEY)) {
            for (var m : o.mentions()) {
                if (!wordEnds.contains(m.end()) && !betweenNames(text.text(), m.end())) {
                    return "organisation ends inside a word: " + o.name();
                }
            }
        }
        for (String s : concat(titles, issuers)) {
            int at = text.text().indexOf(s);
            if (at >= 0 && !wordEnds.contains(at + s.length()) && !betweenNames(text.text(), at + s.length())) {
                return "title or issuer ends inside a word: " + s;
            }
        }
        List<String> names = officials.stream().map(Official::name).toList();
        return switch (r.check()) {
            case "org" -> orgs.contains(r.expected()) ? null : "organisations " + orgs;
            case "issuer" -> issuers.contains(r.expected()) ? null : "issuers " + issuers;
            case "title" -> titles.contains(r.expected()) ? null : "titles " + titles;
            case "unit" -> units.contains(r.expected()) ? null : "units " + units;
            case "official" -> names.contains(r.expected()) ? null : "officials " + names;
            case "not-official" -> names.stream().anyMatch(n -> n.contains(r.expected()) || r.expected().contains(n))
                    ? "officials " + names : null;
            default -> throw new IllegalArgumentException("line " + r.line() + ": unknown check " + r.check());
        };
    }

    /**
     * A cut between two capitalised syllables ("Tổng thống Mỹ | Donald Trump"): the segmenter joins
     * a run of capitalised syllables into one word (VnCoreNLP's proper-name convention), so a name
     * ending there ends between two names, not inside a word.
     */
    static boolean betweenNames(String text, int end) {
        int before = end - 1;
        int after = end;
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        return before >= 0 && after < text.length() && after > end && Character.isLetter(text.charAt(after))
                && Character.isUpperCase(text.charAt(after)) && Character.isUpperCase(text.charAt(wordStart(text, before)));
    }

    private static int wordStart(String text, int i) {
        int k = i;
        while (k > 0 && !Character.isWhitespace(text.charAt(k - 1))) {
            k--;
        }
        return k;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}

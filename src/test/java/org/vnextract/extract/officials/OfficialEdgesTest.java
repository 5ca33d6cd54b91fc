package org.vnextract.extract.officials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.segment.SegmentStage;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.TextStage;

/**
 * Every phrase of the officials lexicons (honorifics such as "TS.", titles, triggers, stops) at the
 * edges of a text: ending the text, ending a line (paragraph), before a full stop, after "Ông là" or
 * "đồng chí". A rule that looks one token past a match must stop at the end of the sentence (issue
 * 14, item 1: "Ông là TS." threw ArrayIndexOutOfBoundsException in {@code titleEnd}, and the article
 * lost its record; so did every honorific ending a text). The rules see every phrase; the model's
 * name paths (names from the model, or both) see the phrases that open a name.
 */
class OfficialEdgesTest {
    private static final Path OFFICIALS = Path.of("models/officials");

    /** The phrases of a lexicon file, in its column {@code column}. */
    static List<String> phrases(String file, int column) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(OFFICIALS.resolve(file), StandardCharsets.UTF_8)) {
            String[] f = l.split("\t");
            if (!l.isBlank() && !l.startsWith("#") && f.length > column && !f[column].isBlank()) {
                out.add(f[column].strip());
            }
        }
        return out;
    }

    /** Paragraphs that put {@code p} at the end of a text, of a line or of a sentence. */
    static List<List<String>> edges(String p) {
        String cap = Character.toUpperCase(p.charAt(0)) + p.substring(1);
        return List.of(List.of(cap), List.of(p + "."), List.of("Ông là " + p), List.of("Ông là " + cap + "."),
                List.of("đồng chí " + p), List.of("Ông là " + p, "Dòng sau."), List.of("Các đồng chí: " + p),
                List.of("Bà Lê Thị Hoa, " + cap + " " + p + " và"));
    }

    @Test
    void everyLexiconPhraseAtTheEndOfTextOrLineIsRead() throws IOException {
        ModelSource models = ModelSource.directory(Path.of("models"));
        TextStage text = new TextStage(models, TextStage.DEFAULT_MAX_CHARS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
        SegmentStage segment = SegmentStage.standard(models);
        Set<String> all = new LinkedHashSet<>(phrases("honorifics.tsv", 0));
        all.addAll(phrases("triggers.txt", 0));
        Set<String> openers = new LinkedHashSet<>(all);
        all.addAll(phrases("titles.tsv", 1));
        all.addAll(phrases("stops.txt", 0));
        all.addAll(phrases("candidacy.txt", 0));
        assertThat(all).contains("TS.", "GS", "ThS", "Tiến sĩ", "Bí thư", "là");
        List<String> failures = new ArrayList<>();
        int texts = 0;
        for (OfficialRules.NameSource source : OfficialRules.NameSource.values()) {
            OfficialExtractor extractor = new OfficialExtractor(models, source);
            for (String p : source == OfficialRules.NameSource.RULES ? all : openers) {
                for (List<String> paragraphs : edges(p)) {
                    texts++;
                    try {
                        AnalyzedText at = text.analyze(paragraphs, false, new ArrayList<>());
                        extractor.process(Analysis.of(AnalyzedText.KEY, at).with(Words.KEY, segment.segment(at)));
                    } catch (RuntimeException e) {
                        failures.add(source + " " + String.join("\\n", paragraphs) + " → " + e);
                    }
                }
            }
        }
        assertThat(texts).isGreaterThan(3000);
        assertThat(failures).as("texts the officials rules could not read").isEmpty();
    }
}

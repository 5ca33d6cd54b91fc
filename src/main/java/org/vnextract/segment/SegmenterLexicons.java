package org.vnextract.segment;

import java.util.ArrayList;
import java.util.List;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;

/**
 * The project's own word lists the segmenter adds to vi-vocab (files under {@code models/segment/}):
 * administrative place names (joined only where capitalised), surnames and middle names (the
 * middle-name rule), given names, and words that never begin a proper name.
 *
 * <p>Immutable; thread-safe.
 *
 * @param majorPlaces     province and district names and countries, joined in any case ("Quảng Nam", "Trung Quốc")
 * @param places          other multi-syllable place names (communes), joined only where capitalised
 * @param surnames        family names ("Nguyễn")
 * @param middleNames     middle names ("Văn", "Thị")
 * @param givenNames      given names, one or two syllables ("Hùng", "An Khang"): their syllables are known
 *                        syllables, so a name in capitals ("NGUYỄN VĂN HÙNG") is a name, not abbreviations
 * @param sentenceInitial words that, capitalised, still do not begin a name ("Theo", "Các", "Tỉnh")
 * @param treebankWords    words vi-vocab lacks that a segmented treebank writes as one ("vụ án"), learnt by
 *                         {@link TreebankLexiconTrainer}; the longest match joins them like vocabulary words
 * @param treebankNonWords vi-vocab words the treebank splits ("người dân"); the longest match ignores them
 */
public record SegmenterLexicons(List<String> majorPlaces, List<String> places, List<String> surnames, List<String> middleNames,
                                List<String> givenNames, List<String> sentenceInitial, List<String> treebankWords,
                                List<String> treebankNonWords) {
    public static final String PLACES = "segment/places.txt";
    public static final String COUNTRIES = "segment/countries.txt";
    public static final String SURNAMES = "segment/surnames.txt";
    public static final String MIDDLE_NAMES = "segment/middle-names.txt";
    public static final String GIVEN_NAMES = "segment/given-names.txt";
    public static final String SENTENCE_INITIAL = "segment/sentence-initial.txt";
    public static final String TREEBANK = "segment/treebank.tsv";

    public SegmenterLexicons {
        majorPlaces = List.copyOf(Validate.noNulls(majorPlaces, "majorPlaces"));
        places = List.copyOf(Validate.noNulls(places, "places"));
        surnames = List.copyOf(Validate.noNulls(surnames, "surnames"));
        middleNames = List.copyOf(Validate.noNulls(middleNames, "middleNames"));
        givenNames = List.copyOf(Validate.noNulls(givenNames, "givenNames"));
        sentenceInitial = List.copyOf(Validate.noNulls(sentenceInitial, "sentenceInitial"));
        treebankWords = List.copyOf(Validate.noNulls(treebankWords, "treebankWords"));
        treebankNonWords = List.copyOf(Validate.noNulls(treebankNonWords, "treebankNonWords"));
    }

    /** These lists without the treebank lexicon (the method with our name and place lists only). */
    public SegmenterLexicons withoutTreebank() {
        return new SegmenterLexicons(majorPlaces, places, surnames, middleNames, givenNames, sentenceInitial,
                List.of(), List.of());
    }

    /** No lists: the segmenter then uses vi-vocab and the rule tree only. */
    public static SegmenterLexicons none() {
        return new SegmenterLexicons(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The lists under {@code models/segment/} of {@code models}. */
    public static SegmenterLexicons from(ModelSource models) {
        Validate.notNull(models, "models");
        List<String> major = new ArrayList<>(strip(models.lines(COUNTRIES)));
        List<String> minor = new ArrayList<>();
        for (String line : models.lines(PLACES)) {
            String[] cols = line.split("\t");
            String level = cols.length > 1 ? cols[1].strip() : "commune";
            // "Bà Rịa - Vũng Tàu": each side is a name of its own (the tokenizer splits at the dash)
            for (String part : cols[0].split(" - ")) {
                (level.equals("commune") ? minor : major).add(part.strip());
            }
        }
        List<String> words = new ArrayList<>();
        List<String> nonWords = new ArrayList<>();
        for (String line : models.lines(TREEBANK)) {
            String[] cols = line.split("\t");
            if (cols.length < 2) {
                throw new IllegalArgumentException(TREEBANK + ": expected 'word<TAB>word|not-word', got: " + line);
            }
            switch (cols[1].strip()) {
                case "word" -> words.add(cols[0].strip());
                case "not-word" -> nonWords.add(cols[0].strip());
                default -> throw new IllegalArgumentException(TREEBANK + ": unknown action '" + cols[1] + "' in: " + line);
            }
        }
        return new SegmenterLexicons(major, minor, strip(models.lines(SURNAMES)),
                strip(models.lines(MIDDLE_NAMES)), strip(models.lines(GIVEN_NAMES)),
                strip(models.lines(SENTENCE_INITIAL)), words, nonWords);
    }

    private static List<String> strip(List<String> lines) {
        return lines.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

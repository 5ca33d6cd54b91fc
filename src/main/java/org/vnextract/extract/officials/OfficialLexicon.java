package org.vnextract.extract.officials;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vnextract.extract.PhraseTrie;
import org.vnextract.extract.TokenView;
import org.vnextract.ingest.VietnameseSyllables;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.PipelineException;
import org.vnextract.text.Fold;

/**
 * The data the officials rules read, all from {@code models/officials/}: the title lexicon with its
 * structure ({@code titles.tsv}), honorifics, predicate triggers, stop phrases, surnames, given
 * names ({@code given-names.txt}, from {@code ../shared/data/names}) and place names
 * ({@code places.tsv}, from {@code ../shared/data/admin-units}). Nothing of it is written in Java.
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class OfficialLexicon implements org.vnextract.ner.SyllableClasses {
    /** The kinds of {@code titles.tsv}. */
    enum Kind {
        PREFIX, ROLE, BOUND_ROLE, TITLE, COMPANY_ROLE, MINISTER_ROLE, MODIFIER, BODY, OPEN_BODY, PORTFOLIO, COUNTRY, PLACE_KIND, NUMBERED_PLACE_KIND, WORD, JOINER,
        TERM, BETWEEN, ASSIGN, LEAD, TAIL, LINK;

        /** Whether this kind starts a title (a position). */
        boolean isRole() {
            return this == ROLE || this == BOUND_ROLE || this == TITLE || this == COMPANY_ROLE || this == MINISTER_ROLE;
        }

        /** Whether this kind stands between a title and its holder's name, part of neither. */
        boolean isGap() {
            return this == BETWEEN || this == ASSIGN;
        }

        /** Whether this kind is read only next to a title, never inside one (no title word). */
        /** Whether this kind is an administrative level before a place name ("huyện", "phường"). */
        boolean isPlaceKind() {
            return this == PLACE_KIND || this == NUMBERED_PLACE_KIND;
        }

        boolean isAside() {
            return this == LEAD || this == TAIL || this == LINK;
        }
    }

    /** One entry of the title lexicon: its kind, the phrase as written, and an abbreviation's full form. */
    record Entry(Kind kind, String phrase, String expansion) {}

    /** An honorific and its kind ({@code comrade}, {@code person}, {@code list}). */
    record Honorific(String phrase, String kind) {}

    /** A place name, its kind ("huyện") and level (1 province, 2 district, 3 commune). */
    record Place(String name, String kind, int level) {}

    final PhraseTrie<Entry> titles = new PhraseTrie<>();
    final PhraseTrie<String> stops = new PhraseTrie<>();
    /** predicates.txt: a meeting verb written with a capital after a dash ends the title before it. */
    final PhraseTrie<String> predicates = new PhraseTrie<>();
    /**
     * clause-words.txt: verbs, adverbs and conjunctions of the treebank that name no organisation's
     * field; an organisation's name written in lower case ends before one ("… Đồng Thắng | lý giải").
     * The value is {@link #AFTER_NAME} or {@link #ANYWHERE}.
     */
    final PhraseTrie<String> clauseWords = new PhraseTrie<>();
    /** A clause word that is a verb or preposition: it ends a name in lower case only after a proper name. */
    static final String AFTER_NAME = "after-name";
    /** A clause word that is an adverb, auxiliary or conjunction: it ends a name in lower case anywhere. */
    static final String ANYWHERE = "anywhere";
    final PhraseTrie<String> triggers = new PhraseTrie<>();
    /** The value of a trigger after which a title in lower case follows its holder's name (triggers.txt). */
    static final String LOWER_TITLE = "lower-case";
    /** candidacy.txt: "để bầu" between a person and a trigger, the post is not held. */
    final PhraseTrie<String> candidacy = new PhraseTrie<>();
    final PhraseTrie<Honorific> honorifics = new PhraseTrie<>();
    final PhraseTrie<Place> places = new PhraseTrie<>();
    final PhraseTrie<String> surnames = new PhraseTrie<>();
    final Set<String> givenSyllables = new HashSet<>();
    final Set<String> surnameSyllables = new HashSet<>();
    private final Set<String> firstTitleWords = new HashSet<>();
    private final Set<String> firstHonorificWords = new HashSet<>();
    private final Set<String> firstPlaceWords = new HashSet<>();
    /** Words that make a capitalised run a company's name ({@code company-words.txt}), folded. */
    final Set<String> companyWords = new HashSet<>();
    /** Folded names that are never a person's (not-persons.tsv) → folded roles that make them so (empty: any). */
    private final java.util.Map<String, Set<String>> notPersons = new java.util.HashMap<>();
    /** Folded provinces, districts and countries: a title before them names no person. */
    private final Set<String> placeNames = new HashSet<>();
    /** Words that open a sentence and never end a name (sentence-openers.txt), as written. */
    private final Set<String> sentenceOpeners = new HashSet<>();
    /** The openers of several words (sentence-openers.txt: "Mặc dù", "Đối với"), by folded phrase; matched as written. */
    private final PhraseTrie<String> openerPhrases = new PhraseTrie<>();
    /** Heads of organisation names (org-heads.txt), as written: capitalised as in a title. */
    private final Set<String> orgHeads = new HashSet<>();
    /**
     * Heads whose organisation's name may go on in lower case (named-heads.tsv), folded; the value
     * says whether the name may run through "về" (kind "topic").
     */
    final PhraseTrie<Boolean> namedHeads = new PhraseTrie<>();
    /** The spelling of Vietnamese syllables (models/encodings/syllables.tsv, shared with the encoding detectors). */
    private final VietnameseSyllables spelling;

    public OfficialLexicon(ModelSource models) {
        Validate.notNull(models, "models");
        for (String l : models.lines("officials/titles.tsv")) {
            String[] c = l.split("\t");
            if (c.length < 2 || c[1].isBlank()) {
                throw new PipelineException("officials/titles.tsv: bad line '" + l + "'");
            }
            Kind k = Kind.valueOf(c[0].trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            String exp = c.length > 2 && !c[2].isBlank() ? c[2].trim() : null;
            if (k == Kind.COUNTRY) {
                placeNames.add(Fold.fold(c[1].trim()));
            }
            List<String> f = TokenView.foldPhrase(c[1].trim());
            titles.put(f, new Entry(k, c[1].trim(), exp));
            if (!k.isAside()) {
                firstTitleWords.add(f.get(0));
            }
        }
        for (String l : models.lines("officials/stops.txt")) {
            stops.put(TokenView.foldPhrase(l.trim()), l.trim());
        }
        for (String l : models.lines("officials/clause-words.txt")) {
            String[] c = l.split("\t");
            if (c.length != 2 || !c[1].equals(AFTER_NAME) && !c[1].equals(ANYWHERE)) {
                throw new PipelineException("officials/clause-words.txt: bad line '" + l + "'");
            }
            clauseWords.put(TokenView.foldPhrase(c[0].trim()), c[1].equals(AFTER_NAME) ? AFTER_NAME : ANYWHERE);
        }
        for (String l : models.lines("officials/predicates.txt")) {
            predicates.put(TokenView.foldPhrase(l.trim()), l.trim());
        }
        for (String l : models.lines("officials/triggers.txt")) {
            String[] cols = l.trim().split("\t");
            if (cols.length > 2 || cols.length == 2 && !LOWER_TITLE.equals(cols[1].trim())) {
                throw new IllegalArgumentException("officials/triggers.txt: bad line: " + l);
            }
            triggers.put(TokenView.foldPhrase(cols[0].trim()), cols.length == 2 ? LOWER_TITLE : cols[0].trim());
        }
        for (String l : models.lines("officials/candidacy.txt")) {
            candidacy.put(TokenView.foldPhrase(l.trim()), l.trim());
        }
        for (String l : models.lines("officials/honorifics.tsv")) {
            String[] c = l.split("\t");
            List<String> f = TokenView.foldPhrase(c[0].trim());
            honorifics.put(f, new Honorific(c[0].trim(), c[1].trim()));
            firstHonorificWords.add(f.get(0));
        }
        for (String l : models.lines("officials/surnames.txt")) {
            List<String> f = TokenView.foldPhrase(l.trim());
            surnames.put(f, l.trim());
            surnameSyllables.add(f.get(0));
        }
        for (String l : models.lines("officials/given-names.txt")) {
            for (String w : l.trim().split(" ")) {
                givenSyllables.add(Fold.fold(w));
            }
        }
        for (String l : models.lines("officials/company-words.txt")) {
            companyWords.add(Fold.fold(l.trim()));
        }
        this.spelling = new VietnameseSyllables(models);
        for (String l : models.lines("officials/not-persons.tsv")) {
            String[] c = l.split("\t");
            Set<String> roles = new HashSet<>();
            if (c.length > 2) {
                for (String r : c[2].split(",")) {
                    if (!r.isBlank()) {
                        roles.add(r.trim().toLowerCase(Locale.ROOT));
                    }
                }
            }
            notPersons.put(Fold.fold(c[0].trim()), roles);
        }
        for (String l : models.lines("officials/org-heads.txt")) {
            orgHeads.add(l.trim()); // as written: "Trường" is no "trưởng", and no "Môi trường"
        }
        for (String l : models.lines("officials/named-heads.tsv")) {
            String[] c = l.split("\t");
            if (c.length != 2 || !(c[1].trim().equals("topic") || c[1].trim().equals("name"))) {
                throw new PipelineException("officials/named-heads.tsv: bad line '" + l + "'");
            }
            namedHeads.put(TokenView.foldPhrase(c[0].trim()), c[1].trim().equals("topic"));
        }
        for (String l : models.lines("officials/places.tsv")) {
            String[] c = l.split("\t");
            List<String> f = TokenView.foldPhrase(c[0]);
            places.put(f, new Place(c[0], c[1], Integer.parseInt(c[2].trim())));
            if (Integer.parseInt(c[2].trim()) <= 2) {
                firstPlaceWords.add(f.get(0));
                placeNames.add(Fold.fold(c[0].trim()));
            }
        }
        for (String l : models.lines("officials/sentence-openers.txt")) {
            String phrase = l.trim();
            if (phrase.indexOf(' ') < 0) {
                sentenceOpeners.add(phrase);
            } else {
                openerPhrases.put(TokenView.foldPhrase(phrase), phrase);
            }
        }
        for (String l : models.lines("officials/place-persons.txt")) {
            placeNames.remove(Fold.fold(l.trim()));
        }
    }

    /**
     * The lexicon classes of one folded syllable, as features for the name finder: "sur" (may start
     * a surname), "given" (a given-name syllable), "title" (starts a title-lexicon phrase), "hon"
     * (starts an honorific), "place" (starts a place name). Never null.
     */
    @Override
    public List<String> classes(String folded) {
        List<String> out = new java.util.ArrayList<>(3);
        if (surnameSyllables.contains(folded)) {
            out.add("sur");
        }
        if (givenSyllables.contains(folded)) {
            out.add("given");
        }
        if (firstTitleWords.contains(folded)) {
            out.add("title");
        }
        if (firstHonorificWords.contains(folded)) {
            out.add("hon");
        }
        if (firstPlaceWords.contains(folded)) {
            out.add("place");
        }
        return out;
    }

    /**
     * Whether a word is of foreign shape: a capital inside it ("DeVos"), or, being a word of letters,
     * not spelled like a Vietnamese syllable ("Trump", "Pence", "Jae"; {@link VietnameseSyllables},
     * which also rejects the letters f, j, w and z). Words with digits or other signs are not read here.
     */
    boolean foreignWord(CharSequence text, int from, int to) {
        if (to - from > 24) {
            return true;
        }
        for (int c = from; c < to; c++) {
            char ch = text.charAt(c);
            if (c > from && Character.isUpperCase(ch)) {
                return true;
            }
            if (!Character.isLetter(ch) && Character.getType(ch) != Character.NON_SPACING_MARK) {
                return false; // digits, signs: not a word this test reads
            }
        }
        String w = text.subSequence(from, to).toString();
        // the eth some sources type for Đ ("Ðức" in the given-names data) is Đ here; the encoding
        // detectors that share the spelling table must keep treating it as a foreign letter
        return !spelling.isSyllable(w.replace('\u00D0', 'Đ').replace('\u00F0', 'đ'));
    }

    /**
     * Whether a name with these titles is no person's: a province, district or country ("Chủ tịch Hà
     * Nội"), a club or an institution known by its own name (not-persons.tsv, after the roles listed
     * there), a name ending with an initial ("George W": cut off), or a name right after a title that ends with an organisation's head ("Giám đốc Bệnh
     * viện" + "Bạch Mai"). A name that only starts with a club's ("Barcelona Joan Laporta") is no
     * person's name either as written.
     */
    public boolean notAPerson(String name, List<String> titles) {
        return notAPerson(name, titles, t -> true);
    }

    /**
     * As {@link #notAPerson(String, List)}, where a title ending with an organisation's head counts
     * only if {@code rightBefore} says it is written right before the name ("Giám đốc Bệnh viện Bạch
     * Mai"); written after it, the name is its holder's ("Hoàng Văn Đại, Bí thư Chi bộ Trung tâm").
     */
    public boolean notAPerson(String name, List<String> titles, java.util.function.Predicate<String> rightBefore) {
        Validate.notNull(rightBefore, "rightBefore");
        String f = Fold.fold(name);
        if (placeNames.contains(f)) {
            return true;
        }
        int last = name.lastIndexOf(' ');
        if (last > 0 && name.length() - last == 2 && Character.isUpperCase(name.charAt(last + 1))) {
            return true; // "George W", "Nhóm G": a name never ends with an initial (its rest was cut off)
        }
        String prefix = "";
        for (String w : f.split(" ")) {
            prefix = prefix.isEmpty() ? w : prefix + " " + w;
            Set<String> roles = notPersons.get(prefix);
            if (roles == null) {
                continue;
            }
            if (roles.isEmpty()) {
                return true;
            }
            for (String t : titles) {
                String lt = t.toLowerCase(Locale.ROOT);
                for (String r : roles) {
                    if (lt.equals(r) || lt.startsWith(r + " ")) {
                        return true; // "Giám đốc", "Giám đốc bệnh viện" + "Bạch Mai"
                    }
                }
            }
        }
        for (String t : titles) {
            for (String h : orgHeads) {
                if (t.endsWith(" " + h) && rightBefore.test(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code phrase}, as written, is a head of organisation names (org-heads.txt: "Bệnh viện", not "bệnh viện"). */
    boolean isOrgHead(String phrase) {
        return orgHeads.contains(phrase);
    }

    /**
     * Whether token {@code k} opens a sentence and never ends a name: a word ("Ngày", "Tại") or the
     * first of a phrase ("Cụ thể", "Đối với"), as written (sentence-openers.txt), or an adverb or
     * conjunction of several words of clause-words.txt in sentence case ("Mặc dù", "Tuy nhiên"),
     * before {@code limit}.
     */
    boolean opensSentence(TokenView t, int k, int limit) {
        if (t.end(k) - t.start(k) <= 6 && sentenceOpeners.contains(t.text().substring(t.start(k), t.end(k)))) {
            return true;
        }
        return opensSentenceWithPhrase(t, k, limit);
    }

    /**
     * Whether a phrase of several words that opens a sentence starts at token {@code k} ({@link
     * #opensSentence}, without the single words: "Tối", "Sáng" may also begin a name's words in
     * sentence case, "Tòa án Tối cao", "Hội đồng Sáng lập").
     */
    boolean opensSentenceWithPhrase(TokenView t, int k, int limit) {
        // an adverb or conjunction of several words in sentence case (clause-words.txt: "Tuy nhiên", "Thậm chí")
        PhraseTrie.Match<String> c = clauseWords.longest(t, k, limit);
        if (c != null && c.end() - k >= 2 && c.values().contains(ANYWHERE) && t.capitalized(k)) {
            boolean sentenceCase = true;
            for (int i = k + 1; i < c.end(); i++) {
                sentenceCase &= !t.capitalized(i);
            }
            if (sentenceCase) {
                return true;
            }
        }
        PhraseTrie.Match<String> m = openerPhrases.longest(t, k, limit);
        if (m == null) {
            return false;
        }
        StringBuilder written = new StringBuilder();
        for (int i = k; i < m.end(); i++) {
            written.append(i > k ? " " : "").append(t.text(), t.start(i), t.end(i));
        }
        return m.values().contains(written.toString());
    }

    /** Whether a folded syllable may start a surname of {@code surnames.txt}. */
    public boolean maySurname(String folded) {
        return surnameSyllables.contains(folded);
    }

    /** Whether a personal name (a surname of the list) starts at token {@code i}; its length, else 0. */
    int surnameAt(TokenView t, int i, int limit) {
        PhraseTrie.Match<String> m = surnames.longest(t, i, limit);
        return m == null ? 0 : m.end() - m.start();
    }
}

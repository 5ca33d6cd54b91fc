package org.vnextract.extract.officials;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vnextract.clean.Article;
import org.vnextract.extract.Mention;
import org.vnextract.extract.TokenView;
import org.vnextract.internal.Validate;
import org.vnextract.ner.Entities;
import org.vnextract.ner.Entity;
import org.vnextract.ner.EntityTagger;
import org.vnextract.ner.NerTagger;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.Stage;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Fold;

/**
 * Officials (RECORD.md "Officials"), with the {@code organizations} and {@code locations} lists
 * found by the same lexicons. Personal names come from the rules ({@link OfficialRules}: surname
 * list, honorifics, list clauses) and from the statistical name finder ({@link NerTagger}, trained
 * on what the rules label in the bulk corpora), combined; titles are given by the rules' patterns
 * either way. A person is an official when the article gives a title or calls them "đồng chí";
 * names of the byline are never officials.
 *
 * <p>The name source ({@link OfficialRules.NameSource}: rules, model, both) is a pipeline option
 * ({@code Vnextract.builder().officialsNames(..)}, on the CLI {@code --officials-names}), for
 * measuring each alone. The default is {@code rules}:
 * measured on the gold, the model adds no name the rules miss, and over 500 unseen Dân trí
 * articles it added one official (with a wrong title) while making the whole pipeline about six
 * times slower, even when it reads only the sentences the rules leave unexplained ({@code both}).
 *
 * <p>Immutable; thread-safe (the tagger makes a fresh decoder per article).
 */
public final class OfficialExtractor implements Stage {
    /** The NER model, relative to {@code models/}. */
    public static final String MODEL = "ner/officials-ner.bin";
    public static final String COMRADE = "đồng chí";

    private final OfficialLexicon lexicon;
    private final OfficialRules rules;
    private final EntityTagger tagger; // null: rules only
    private final OfficialRules.NameSource source;
    private final boolean entities;
    private final Questions questions;

    /**
     * When the entity tagger is asked ({@code officials/entity-questions.tsv}): about a rules'
     * organisation of at most {@code orgMaxSyllables} syllables as written (an abbreviated one,
     * "Bộ GD&ĐT", only when {@code askAbbreviations}), reading {@code windowWords} words either
     * side of it.
     */
    record Questions(int orgMaxSyllables, int windowWords, boolean askAbbreviations) {
        static final String FILE = "officials/entity-questions.tsv";

        static Questions load(ModelSource models) {
            Map<String, Integer> v = new java.util.HashMap<>();
            for (String l : models.lines(FILE)) {
                String[] f = l.split("\t", -1);
                if (f.length != 2) {
                    throw new org.vnextract.pipeline.PipelineException(FILE + ": expected setting<TAB>value: " + l);
                }
                v.put(f[0].trim(), Integer.parseInt(f[1].trim()));
            }
            for (String k : List.of("org-max-syllables", "window-words", "ask-abbreviations")) {
                if (!v.containsKey(k) || v.get(k) < 0) {
                    throw new org.vnextract.pipeline.PipelineException(FILE + ": missing or negative setting " + k);
                }
            }
            return new Questions(v.get("org-max-syllables"), v.get("window-words"), v.get("ask-abbreviations") != 0);
        }
    }

    /** Names from the rules only (the default name source). */
    public OfficialExtractor(ModelSource models) {
        this(models, OfficialRules.NameSource.RULES);
    }

    public OfficialExtractor(ModelSource models, OfficialRules.NameSource names) {
        this(models, names, false);
    }

    /**
     * @param entities whether to read the entity tagger's names ({@link Entities#KEY}, required then):
     *     the tagger decides which of the rules' short organisation candidates are organisations
     *     ({@link #organizations})
     */
    public OfficialExtractor(ModelSource models, OfficialRules.NameSource names, boolean entities) {
        Validate.notNull(models, "models");
        this.entities = entities;
        this.questions = Questions.load(models);
        Validate.notNull(names, "names");
        this.lexicon = new OfficialLexicon(models);
        this.rules = new OfficialRules(lexicon);
        EntityTagger t = names == OfficialRules.NameSource.RULES ? null : NerTagger.load(models, MODEL, lexicon);
        if (t == null && names == OfficialRules.NameSource.MODEL) {
            throw new org.vnextract.pipeline.PipelineException("officials: names from the model asked, but " + MODEL + " is missing");
        }
        this.tagger = t;
        this.source = t == null ? OfficialRules.NameSource.RULES : names;
    }

    public OfficialLexicon lexicon() {
        return lexicon;
    }

    @Override
    public String name() {
        return "officials";
    }

    @Override
    public Set<Key<?>> requires() {
        return entities ? Set.of(AnalyzedText.KEY, Words.KEY, TokenView.KEY, Entities.KEY)
                : Set.of(AnalyzedText.KEY, Words.KEY, TokenView.KEY);
    }

    @Override
    public Set<Key<?>> provides() {
        return Set.of(Official.KEY, Organization.KEY, Location.KEY);
    }

    @Override
    public Analysis process(Analysis in) {
        AnalyzedText text = in.get(AnalyzedText.KEY);
        Set<String> authors = new HashSet<>();
        in.find(Article.KEY).ifPresent(a -> a.authors().forEach(x -> authors.add(Fold.fold(x))));
        TokenView t = TokenView.of(in);
        OfficialRules.Result r;
        if (tagger == null) {
            r = rules.run(t, source, List.of());
        } else if (source == OfficialRules.NameSource.MODEL) {
            r = rules.run(t, source, modelPersons(t, null));
        } else {
            // Combined: the rules first; the model only reads sentences where a run of capitalised
            // syllables is left unexplained by them (no name, organisation or place there). That is
            // where it can add a name, and it keeps the model's cost off the other sentences.
            OfficialRules.Result first = rules.run(t, OfficialRules.NameSource.RULES, List.of());
            boolean[] unexplained = unexplainedSentences(t, first);
            List<int[]> modelNames = modelPersons(t, unexplained);
            r = modelNames.isEmpty() ? first : rules.run(t, source, modelNames);
        }

        List<Official> officials = new ArrayList<>();
        for (OfficialRules.Person p : r.persons()) {
            if (authors.contains(Fold.fold(p.name()))) {
                continue;
            }
            if (p.titles().isEmpty() && !p.comrade()) {
                continue;
            }
            if (lexicon.notAPerson(p.name(), p.titles(), title -> rightBefore(text.text(), title, p.mentions()))) {
                continue; // "Chủ tịch Hà Nội", "Chủ tịch Real Madrid", "Giám đốc Bệnh viện Bạch Mai"
            }
            List<Mention> ms = new ArrayList<>(p.mentions());
            ms.sort((a, b) -> Integer.compare(a.start(), b.start()));
            officials.add(new Official(p.name(), p.titles(), p.comrade() ? COMRADE : null, ms));
        }
        List<OfficialRules.Labelled> orgLabels = r.organizations();
        if (entities) {
            Entities e = in.find(Entities.KEY).orElse(null);
            if (e != null) {
                orgLabels = organizations(text.text(), orgLabels, e);
            }
        }
        Map<String, List<Mention>> orgs = new LinkedHashMap<>();
        Map<String, String> orgNames = new LinkedHashMap<>();
        for (OfficialRules.Labelled o : orgLabels) {
            String written = text.text().substring(o.start(), o.end());
            String key = Fold.fold(written);
            orgNames.putIfAbsent(key, written);
            orgs.computeIfAbsent(key, k -> new ArrayList<>()).add(Mention.of(text.text(), o.start(), o.end()));
        }
        List<Organization> organizations = new ArrayList<>();
        orgs.forEach((k, ms) -> organizations.add(new Organization(orgNames.get(k), ms)));
        Map<String, List<Mention>> locs = new LinkedHashMap<>();
        Map<String, String[]> locNames = new LinkedHashMap<>();
        Set<Integer> locStarts = new HashSet<>();
        for (OfficialRules.Labelled l : r.locations()) {
            if (!locStarts.add(l.start())) {
                continue; // the same place read twice (in a title and on its own)
            }
            String written = text.text().substring(l.start(), l.end());
            String key = Fold.fold(written);
            locNames.putIfAbsent(key, new String[] {written, l.type()});
            List<Mention> ms = locs.computeIfAbsent(key, k -> new ArrayList<>());
            ms.add(Mention.of(text.text(), l.start(), l.end()));
        }
        List<Location> locations = new ArrayList<>();
        locs.forEach((k, ms) -> locations.add(new Location(locNames.get(k)[0], locNames.get(k)[1], ms)));
        return in.with(Official.KEY, List.copyOf(officials))
                .with(Organization.KEY, List.copyOf(organizations))
                .with(Location.KEY, List.copyOf(locations));
    }

    /** Whether {@code title} is written right before one of the mentions, with only spaces between. */
    private static boolean rightBefore(String text, String title, List<Mention> mentions) {
        for (Mention m : mentions) {
            int e = m.start();
            while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e >= title.length() && text.startsWith(title, e - title.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rules' organisations as the entity tagger decides them (issue 13). The rules take a
     * capitalised run that starts with a body's head for an organisation; when the run is short
     * ({@link Questions#orgMaxSyllables} syllables as written) they cannot tell a body ("Bộ Y tế",
     * "Quốc hội") from a word, a place or a person that starts like one ("Bộ trưởng", "Trường hợp",
     * "Ban Nha" of Tây Ban Nha, "Hội An", "Việt Nam" as a country, "Trường Chinh"). Only those are
     * asked, once per name (its first mention; the record lists a name once): the tagger reads the
     * words around it ({@link Entities#around}) and the name stays an organisation when an
     * organisation the tagger finds overlaps it; the bounds stay the rules' (on word boundaries). Longer runs are kept as the rules found them. The tagger's
     * probabilities are not used: its averaged perceptron gives nearly flat ones (0.23-0.35 on
     * kept and dropped candidates alike).
     */
    public List<OfficialRules.Labelled> organizations(String text, List<OfficialRules.Labelled> candidates, Entities e) {
        Validate.notNull(text, "text");
        Validate.notNull(candidates, "candidates");
        Validate.notNull(e, "e");
        // one question per name (the record lists an organisation once, with all its mentions): its first mention
        Map<String, OfficialRules.Labelled> firsts = new LinkedHashMap<>();
        for (OfficialRules.Labelled o : candidates) {
            if (syllables(text, o.start(), o.end()) <= questions.orgMaxSyllables()
                    && (questions.askAbbreviations() || !abbreviated(text, o.start(), o.end()))) {
                firsts.putIfAbsent(Fold.fold(text.substring(o.start(), o.end())), o);
            }
        }
        if (firsts.isEmpty()) {
            return candidates;
        }
        List<int[]> asked = new ArrayList<>(firsts.size());
        for (OfficialRules.Labelled o : firsts.values()) {
            asked.add(new int[] {o.start(), o.end()});
        }
        List<List<Entities.Span>> found = e.around(asked, questions.windowWords());
        Set<String> dropped = new HashSet<>();
        int i = 0;
        for (Map.Entry<String, OfficialRules.Labelled> q : firsts.entrySet()) {
            OfficialRules.Labelled o = q.getValue();
            boolean org = false;
            for (Entities.Span sp : found.get(i++)) {
                org |= sp.type().equals(Entity.ORGANIZATION) && sp.start() < o.end() && sp.end() > o.start();
            }
            if (!org) {
                dropped.add(q.getKey());
            }
        }
        List<OfficialRules.Labelled> out = new ArrayList<>(candidates.size());
        for (OfficialRules.Labelled o : candidates) {
            if (dropped.isEmpty() || !dropped.contains(Fold.fold(text.substring(o.start(), o.end())))) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * Whether {@code text[from, to)} holds an abbreviation: a syllable with a capital after its
     * first character, a digit, or one of {@code & - .} ("Bộ GD&ĐT", "UBND tỉnh", "Sở GD-ĐT").
     */
    private static boolean abbreviated(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c) || c == '&' || c == '-' || c == '.'
                    || Character.isUpperCase(c) && i > from && !Character.isWhitespace(text.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The syllables (runs of non-space characters) of {@code text[from, to)}. */
    private static int syllables(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i)) && (i == from || Character.isWhitespace(text.charAt(i - 1)))) {
                n++;
            }
        }
        return n;
    }

    /**
     * Sentences holding two or more adjacent capitalised tokens of which at least one lies outside
     * every name, organisation and place the rules found.
     */
    private static boolean[] unexplainedSentences(TokenView t, OfficialRules.Result r) {
        java.util.BitSet covered = new java.util.BitSet(t.text().length());
        for (OfficialRules.Labelled l : r.names()) {
            covered.set(l.start(), l.end());
        }
        for (OfficialRules.Labelled l : r.organizations()) {
            covered.set(l.start(), l.end());
        }
        for (OfficialRules.Labelled l : r.locations()) {
            covered.set(l.start(), l.end());
        }
        for (OfficialRules.Person p : r.persons()) {
            for (Mention m : p.mentions()) {
                covered.set(m.start(), m.end());
            }
        }
        boolean[] out = new boolean[t.sentences()];
        for (int s = 0; s < t.sentences(); s++) {
            for (int k = t.sentenceStart(s); k + 1 < t.sentenceEnd(s) && !out[s]; k++) {
                if (t.capitalized(k) && t.capitalized(k + 1) && (!covered.get(t.start(k)) || !covered.get(t.start(k + 1)))) {
                    out[s] = true;
                }
            }
        }
        return out;
    }

    /** Person names the model finds (in the selected sentences, or all when null), as token ranges of {@code t}. */
    private List<int[]> modelPersons(TokenView t, boolean[] only) {
        List<String[]> sentences = new ArrayList<>(t.sentences());
        for (int s = 0; s < t.sentences(); s++) {
            if (only != null && !only[s]) {
                sentences.add(new String[0]);
                continue;
            }
            String[] toks = new String[Math.max(0, t.sentenceEnd(s) - t.sentenceStart(s))];
            for (int i = 0; i < toks.length; i++) {
                int k = t.sentenceStart(s) + i;
                toks[i] = t.slice(k, k + 1);
            }
            sentences.add(toks);
        }
        List<List<Entity>> found = tagger.tag(sentences);
        List<int[]> out = new ArrayList<>();
        for (int s = 0; s < found.size(); s++) {
            for (Entity f : found.get(s)) {
                if (Entity.PERSON.equals(f.type())) {
                    out.add(new int[] {t.sentenceStart(s) + f.start(), t.sentenceStart(s) + f.end()});
                }
            }
        }
        return out;
    }

    /**
     * What the rules find in an article, before the official filter: persons' names, organisations
     * and places as character spans of the text (the labels the name finder is trained on).
     */
    public OfficialRules.Result rulesFind(AnalyzedText text, Words words) {
        return rules.run(TokenView.of(Validate.notNull(text, "text"), words), OfficialRules.NameSource.RULES, List.of());
    }
}

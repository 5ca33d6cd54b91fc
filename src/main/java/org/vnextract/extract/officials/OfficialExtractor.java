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

    /** Names from the rules only (the default name source). */
    public OfficialExtractor(ModelSource models) {
        this(models, OfficialRules.NameSource.RULES);
    }

    public OfficialExtractor(ModelSource models, OfficialRules.NameSource names) {
        this(models, names, false);
    }

    /**
     * @param entities whether to read the entity tagger's names ({@link Entities#KEY}, required then):
     *     an official whose every mention lies inside a longer place or organisation name is none
     */
    public OfficialExtractor(ModelSource models, OfficialRules.NameSource names, boolean entities) {
        Validate.notNull(models, "models");
        this.entities = entities;
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
        if (entities && !officials.isEmpty()) {
            Entities e = in.find(Entities.KEY).orElse(null);
            if (e != null) {
                officials.removeIf(insideOtherNames(text.text(), officials, e)::contains);
            }
        }
        Map<String, List<Mention>> orgs = new LinkedHashMap<>();
        Map<String, String> orgNames = new LinkedHashMap<>();
        for (OfficialRules.Labelled o : r.organizations()) {
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
     * The officials whose every mention by name the entity tagger reads as a place or an
     * organisation, or as part of one that goes on after it, and never as a person ("chợ Lương Văn
     * Can", "Trường Tôn Đức Thắng Hà Nội"): a place or body named after a person, not an official.
     * The tagger reads only the sentences of those mentions.
     */
    private static Set<Official> insideOtherNames(String text, List<Official> officials, Entities e) {
        Set<Integer> sentences = new HashSet<>();
        for (Official o : officials) {
            for (Mention m : o.mentions()) {
                if (byName(o, m)) {
                    sentences.add(e.sentenceAt(m.start()));
                }
            }
        }
        Map<Integer, List<Entities.Span>> spans = e.in(sentences);
        Set<Official> out = new HashSet<>();
        for (Official o : officials) {
            boolean any = false;
            boolean inside = true;
            for (Mention m : o.mentions()) {
                if (!byName(o, m)) {
                    continue;
                }
                any = true;
                boolean in = false;
                for (Entities.Span sp : spans.getOrDefault(e.sentenceAt(m.start()), List.of())) {
                    boolean covers = sp.start() <= m.start() && sp.end() >= m.end();
                    if (sp.type().equals(Entity.PERSON) && sp.start() < m.end() && sp.end() > m.start()) {
                        in = false; // a person's name there: the tagger reads a person
                        break;
                    }
                    // the name itself ("chợ Lương Văn Can": the tagger reads the place), or a longer
                    // name that goes on after it; a body that ends with the name is the tagger
                    // running a title into its holder ("HĐND thành phố Nguyễn Ngọc Tuấn")
                    in |= covers && (sp.end() > m.end() || sp.start() == m.start() && !afterTitle(text, o, m));
                }
                inside &= in;
            }
            if (any && inside) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * Whether one of the official's titles stands right before the mention ("Chủ tịch Hồ Chí
     * Minh"): the name there is the holder's even where the tagger reads it as the place.
     */
    private static boolean afterTitle(String text, Official o, Mention m) {
        String before = Fold.fold(text.substring(Math.max(0, m.start() - 120), m.start()).strip());
        for (String t : o.titles()) {
            if (before.endsWith(Fold.fold(t))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a mention names the official (all or part of the name), not only a title. */
    private static boolean byName(Official o, Mention m) {
        return Fold.fold(o.name()).contains(Fold.fold(m.text()));
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

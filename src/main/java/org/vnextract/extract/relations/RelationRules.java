package org.vnextract.extract.relations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vnextract.extract.TokenView;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.PipelineException;

/**
 * The data of {@code models/relations/relations.tsv}: the phrases that state a relation between two
 * documents and the words allowed around them (the file's header explains each kind).
 *
 * <p>Immutable after construction; thread-safe.
 */
final class RelationRules {
    static final String FILE = "relations/relations.tsv";

    /** A phrase in folded words, with the relation it states. */
    record Phrase(List<String> words, String relation) {}

    final List<Phrase> forward = new ArrayList<>();
    final List<Phrase> reverse = new ArrayList<>();
    final List<Phrase> fronted = new ArrayList<>();
    final List<Phrase> issue = new ArrayList<>();
    final List<Phrase> opener = new ArrayList<>();
    final List<Phrase> block = new ArrayList<>();
    final List<Phrase> subject = new ArrayList<>();
    final List<Phrase> clause = new ArrayList<>();
    final List<Phrase> alias = new ArrayList<>();
    final List<Phrase> title = new ArrayList<>();
    final List<Phrase> means = new ArrayList<>();
    final List<Phrase> effect = new ArrayList<>();
    final List<Phrase> expire = new ArrayList<>();
    final List<Phrase> issued = new ArrayList<>();
    final List<Phrase> history = new ArrayList<>();
    final List<Phrase> historyHead = new ArrayList<>();
    final List<Phrase> source = new ArrayList<>();
    final List<Phrase> directs = new ArrayList<>();
    final List<Phrase> carrier = new ArrayList<>();
    final List<Phrase> regulation = new ArrayList<>();
    final List<Phrase> lead = new ArrayList<>();
    final List<Phrase> manner = new ArrayList<>();
    final List<Phrase> effective = new ArrayList<>();
    final Set<String> tail = new HashSet<>();
    final Set<String> attach = new HashSet<>();
    final Set<String> join = new HashSet<>();
    final Set<String> named = new HashSet<>();
    final Set<String> self = new HashSet<>();
    final Set<String> issuerWords = new HashSet<>();

    RelationRules(ModelSource models) {
        Validate.notNull(models, "models");
        int lineNo = 0;
        for (String line : models.lines(FILE)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length != 3 || c[2].isBlank()) {
                throw new PipelineException(FILE + ":" + lineNo + ": expected kind<TAB>relation<TAB>phrase");
            }
            List<String> words = TokenView.foldPhrase(c[2].strip());
            String rel = c[1];
            switch (c[0]) {
                case "forward" -> forward.add(new Phrase(words, relation(rel, lineNo)));
                case "reverse" -> reverse.add(new Phrase(words, relation(rel, lineNo)));
                case "fronted" -> fronted.add(new Phrase(words, relation(rel, lineNo)));
                case "issue" -> issue.add(new Phrase(words, null));
                case "opener" -> opener.add(new Phrase(words, null));
                case "block" -> block.add(new Phrase(words, null));
                case "subject" -> subject.add(new Phrase(words, null));
                case "clause" -> clause.add(new Phrase(words, null));
                case "alias" -> alias.add(new Phrase(words, null));
                case "title" -> title.add(new Phrase(words, null));
                case "means" -> means.add(new Phrase(words, null));
                case "effect" -> effect.add(new Phrase(words, null));
                case "expire" -> expire.add(new Phrase(words, null));
                case "issued" -> issued.add(new Phrase(words, null));
                // a history line is read as words only (its date, numbers and punctuation dropped): so are its rows
                case "history" -> history.add(new Phrase(lettersOnly(words), relation(rel, lineNo)));
                case "historyhead" -> historyHead.add(new Phrase(lettersOnly(words), null));
                case "source" -> source.add(new Phrase(words, null));
                case "directs" -> directs.add(new Phrase(words, null));
                case "carrier" -> carrier.add(new Phrase(words, null));
                case "regulation" -> regulation.add(new Phrase(words, null));
                case "lead" -> lead.add(new Phrase(words, null));
                case "manner" -> manner.add(new Phrase(words, null));
                case "effective" -> effective.add(new Phrase(words, null));
                case "tail" -> tail.add(single(words, lineNo));
                case "attach" -> attach.add(single(words, lineNo));
                case "join" -> join.add(single(words, lineNo));
                case "named" -> named.add(single(words, lineNo));
                case "this" -> self.add(single(words, lineNo));
                case "issuer" -> issuerWords.add(single(words, lineNo));
                default -> throw new PipelineException(FILE + ":" + lineNo + ": unknown kind '" + c[0] + "'");
            }
        }
        // longest phrases first, so that "triển khai thực hiện" wins over "thực hiện"
        for (List<Phrase> l : lists()) {
            l.sort((a, b) -> Integer.compare(b.words().size(), a.words().size()));
        }
    }

    /** The same rules with every word stripped of its tone mark ({@link #toneless()}). */
    private RelationRules(RelationRules o) {
        List<List<Phrase>> mine = lists();
        List<List<Phrase>> theirs = o.lists();
        for (int i = 0; i < mine.size(); i++) {
            for (Phrase p : theirs.get(i)) {
                mine.get(i).add(new Phrase(p.words().stream().map(RelationRules::stripTones).toList(), p.relation()));
            }
        }
        history.addAll(o.history.stream().map(p -> new Phrase(p.words().stream().map(RelationRules::stripTones).toList(), p.relation())).toList());
        historyHead.addAll(o.historyHead.stream().map(p -> new Phrase(p.words().stream().map(RelationRules::stripTones).toList(), null)).toList());
        for (var pair : List.of(List.of(o.tail, tail), List.of(o.attach, attach), List.of(o.join, join), List.of(o.named, named), List.of(o.self, self), List.of(o.issuerWords, issuerWords))) {
            pair.get(0).forEach(w -> pair.get(1).add(stripTones(w)));
        }
    }

    /** The lists of phrases matched longest first. */
    private List<List<Phrase>> lists() {
        return List.of(forward, reverse, fronted, issue, opener, block, subject, clause, alias, title, means, effect, expire,
                issued, source, directs, carrier, regulation, lead, manner, effective);
    }

    /**
     * These rules for a page whose tone marks are scrambled: every word without its tone mark, so
     * that "thực hịện" (folded with two tone marks) reads as "thực hiện" does.
     */
    RelationRules toneless() {
        return new RelationRules(this);
    }

    /** A folded word without its tone marks (folding puts them, as combining marks, after the letters). */
    static String stripTones(String folded) {
        StringBuilder b = null;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            boolean tone = c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
            if (tone && b == null) {
                b = new StringBuilder(folded.length()).append(folded, 0, i);
            } else if (!tone && b != null) {
                b.append(c);
            }
        }
        return b == null ? folded : b.toString();
    }

    private static String relation(String r, int lineNo) {
        if (!r.equals("implements") && !r.equals("amends")) {
            throw new PipelineException(FILE + ":" + lineNo + ": unknown relation '" + r + "'");
        }
        return r;
    }

    private static List<String> lettersOnly(List<String> words) {
        return words.stream().filter(w -> !w.equals("#") && Character.isLetter(w.codePointAt(0))).toList();
    }

    private static String single(List<String> words, int lineNo) {
        if (words.size() != 1) {
            throw new PipelineException(FILE + ":" + lineNo + ": expected one word");
        }
        return words.get(0);
    }
}

package org.vnextract.train;

import java.util.ArrayList;
import java.util.List;
import org.vnextract.extract.officials.OfficialLexicon;
import org.vnextract.extract.officials.OfficialRules;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Fold;
import org.vnextract.text.Sentence;
import org.vnextract.text.Token;
import org.vnextract.text.TokenKind;

/**
 * One sentence labelled by the rules, as training data for the name finder: its tokens as written
 * and labelled spans in token indices. Training data only: nothing at run time reads it.
 *
 * @param tokens tokens as written
 * @param spans  {@code {start, end}} token ranges, end exclusive, not overlapping, in order
 * @param types  the type of each span ("person", "organization", "location")
 * @param unsure whether the sentence holds a capitalised run that looks like a name (it starts with
 *               a surname) which the rules did not label: such sentences are left out of training
 *
 * <p>Immutable apart from the arrays it was given; build one per sentence.
 */
public record TrainingSentence(String[] tokens, List<int[]> spans, List<String> types, boolean unsure) {

    /** The sentences of {@code text} with what the rules found in it ({@link OfficialRules.Result}). */
    public static List<TrainingSentence> of(AnalyzedText text, OfficialRules.Result r, OfficialLexicon lex) {
        List<Token> toks = text.tokens();
        int n = toks.size();
        int[] label = new int[n]; // 0 none, else index+1 into spans
        List<int[]> spans = new ArrayList<>();
        List<String> types = new ArrayList<>();
        add(toks, r.names(), label, spans, types);
        add(toks, r.organizations(), label, spans, types);
        List<OfficialRules.Labelled> places = new ArrayList<>();
        for (OfficialRules.Labelled l : r.locations()) {
            places.add(new OfficialRules.Labelled(l.start(), l.end(), "location")); // one type, whatever the kind
        }
        add(toks, places, label, spans, types);
        List<TrainingSentence> out = new ArrayList<>();
        for (Sentence sen : text.sentences()) {
            int a = sen.firstToken();
            int b = sen.endToken();
            if (b <= a) {
                continue;
            }
            String[] words = new String[b - a];
            List<int[]> ss = new ArrayList<>();
            List<String> ty = new ArrayList<>();
            boolean unsure = false;
            for (int i = a; i < b; i++) {
                words[i - a] = text.text().substring(toks.get(i).start(), toks.get(i).end());
                if (label[i] > 0 && (i == a || label[i - 1] != label[i])) {
                    int[] sp = spans.get(label[i] - 1);
                    if (sp[1] <= b) {
                        ss.add(new int[] {sp[0] - a, sp[1] - a});
                        ty.add(types.get(label[i] - 1));
                    }
                }
                if (label[i] == 0 && capWord(text, toks.get(i)) && i + 1 < b && capWord(text, toks.get(i + 1))
                        && lex.maySurname(Fold.fold(words[i - a]))) {
                    unsure = true;
                }
            }
            out.add(new TrainingSentence(words, ss, ty, unsure));
        }
        return out;
    }

    private static boolean capWord(AnalyzedText text, Token t) {
        return t.kind() == TokenKind.WORD && Character.isUpperCase(text.text().charAt(t.start()));
    }

    /** Maps char spans to token spans, first come first served (persons before organisations). */
    private static void add(List<Token> toks, List<OfficialRules.Labelled> ls, int[] label, List<int[]> spans, List<String> types) {
        int n = toks.size();
        int i = 0;
        List<OfficialRules.Labelled> sorted = new ArrayList<>(ls);
        sorted.sort((x, y) -> Integer.compare(x.start(), y.start()));
        for (OfficialRules.Labelled l : sorted) {
            while (i < n && toks.get(i).start() < l.start()) {
                i++;
            }
            int j = i;
            while (j < n && toks.get(j).end() <= l.end()) {
                j++;
            }
            if (j <= i || toks.get(i).start() != l.start() || toks.get(j - 1).end() != l.end()) {
                continue;
            }
            boolean free = true;
            for (int k = i; k < j; k++) {
                free &= label[k] == 0;
            }
            if (!free) {
                continue;
            }
            spans.add(new int[] {i, j});
            types.add(l.type());
            for (int k = i; k < j; k++) {
                label[k] = spans.size();
            }
        }
    }
}

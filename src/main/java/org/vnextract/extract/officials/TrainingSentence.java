package org.vnextract.extract.officials;

import java.util.ArrayList;
import java.util.List;

/**
 * One sentence labelled by the rules, as training data for the name finder: its syllable tokens,
 * the folded forms, and labelled spans in token indices ({@code start}, {@code end}, {@code type}
 * "person", "organization" or "location").
 *
 * @param tokens tokens as written
 * @param spans  {@code {start, end}} token ranges, end exclusive, not overlapping, in order
 * @param types  the type of each span
 * @param unsure whether the sentence holds a capitalised run that looks like a name (it starts with
 *               a surname) which the rules did not label: such sentences are left out of training
 */
public record TrainingSentence(String[] tokens, List<int[]> spans, List<String> types, boolean unsure) {

    static List<TrainingSentence> of(Toks t, OfficialRules.Result r, OfficialLexicon lex) {
        int[] label = new int[t.n]; // 0 none, else index+1 into spans
        List<int[]> spans = new ArrayList<>();
        List<String> types = new ArrayList<>();
        add(t, r.names(), label, spans, types);
        add(t, r.organizations(), label, spans, types);
        List<OfficialRules.Labelled> places = new ArrayList<>();
        for (OfficialRules.Labelled l : r.locations()) {
            places.add(new OfficialRules.Labelled(l.start(), l.end(), "location")); // one type, whatever the kind
        }
        add(t, places, label, spans, types);
        List<TrainingSentence> out = new ArrayList<>();
        for (int s = 0; s < t.sentStart.length; s++) {
            int a = t.sentStart[s];
            int b = t.sentEnd[s];
            if (b <= a) {
                continue;
            }
            String[] toks = new String[b - a];
            List<int[]> ss = new ArrayList<>();
            List<String> ty = new ArrayList<>();
            boolean unsure = false;
            for (int i = a; i < b; i++) {
                toks[i - a] = t.text.substring(t.start[i], t.end[i]);
                if (label[i] > 0 && (i == a || label[i - 1] != label[i])) {
                    int[] sp = spans.get(label[i] - 1);
                    if (sp[1] <= b) {
                        ss.add(new int[] {sp[0] - a, sp[1] - a});
                        ty.add(types.get(label[i] - 1));
                    }
                }
                if (label[i] == 0 && t.isCapWord(i) && i + 1 < b && t.isCapWord(i + 1) && lex.surnameAt(t, i, b) > 0) {
                    unsure = true;
                }
            }
            out.add(new TrainingSentence(toks, ss, ty, unsure));
        }
        return out;
    }

    /** Maps char spans to token spans, first come first served (persons before organisations). */
    private static void add(Toks t, List<OfficialRules.Labelled> ls, int[] label, List<int[]> spans, List<String> types) {
        int i = 0;
        List<OfficialRules.Labelled> sorted = new ArrayList<>(ls);
        sorted.sort((x, y) -> Integer.compare(x.start(), y.start()));
        for (OfficialRules.Labelled l : sorted) {
            while (i < t.n && t.start[i] < l.start()) {
                i++;
            }
            int j = i;
            while (j < t.n && t.end[j] <= l.end()) {
                j++;
            }
            if (j <= i || t.start[i] != l.start() || t.end[j - 1] != l.end() || t.sentence[i] != t.sentence[j - 1]) {
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

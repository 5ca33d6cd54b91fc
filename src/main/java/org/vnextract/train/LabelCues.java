package org.vnextract.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vnextract.internal.Validate;
import org.vnextract.ner.Entity;
import org.vnextract.ner.Gazetteer;
import org.vnextract.ner.OrgNames;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.Fold;

/**
 * The cue words the entity trainer labels with beyond the gazetteer lookup ({@code models/ner/label-cues.tsv},
 * after the organisation names of {@code models/ner/org-names.tsv}, {@link OrgNames}):
 * a cue (a place below the commune, a named site, a company head written in lower case, a brand's
 * descriptor) followed by a name, a run of words that start with a capital, becomes a location or an
 * organisation, the cue inside the span or not. Used only to make training labels; the runtime
 * tagger and the lookup baseline do not read it.
 *
 * <p>Immutable after loading; thread-safe.
 */
public final class LabelCues {
    /** The file, relative to {@code models/}. */
    public static final String FILE = "ner/label-cues.tsv";

    /** A cue's type (an entity type) and whether the cue belongs to the span. */
    record Cue(String type, boolean whole) {}

    private final Map<String, Cue> cues;
    private final int maxWords;

    private LabelCues(Map<String, Cue> cues) {
        this.cues = cues;
        this.maxWords = cues.keySet().stream().mapToInt(k -> k.split(" ").length).max().orElse(1);
    }

    /** The cues of {@code models}. */
    public static LabelCues load(ModelSource models) {
        Validate.notNull(models, "models");
        Map<String, Cue> m = new HashMap<>();
        for (String l : models.lines(FILE)) {
            String[] c = l.split("\t");
            Validate.isTrue(c.length == 3 && (c[1].equals("LOC") || c[1].equals("ORG"))
                    && (c[2].equals("whole") || c[2].equals("name")), "line", FILE + ": cue TAB LOC|ORG TAB whole|name: " + l);
            m.put(Fold.fold(c[0]), new Cue(c[1].equals("LOC") ? Entity.LOCATION : Entity.ORGANIZATION, c[2].equals("whole")));
        }
        return new LabelCues(m);
    }

    /**
     * Labels what the organisation names of the gazetteer ({@link Gazetteer#orgNames()}, {@code ner/org-names.tsv})
     * and then the cues find in one sentence (words as syllables) on {@code label} (BIO per word, null
     * for none), and extends organisations by a place written after them with its type word
     * ({@link OrgNames#extendByPlace}).
     * A cue's span replaces labels wholly inside it only when they are persons after a cue in lower
     * case ("đường Nguyễn Huệ", "thôn Lỗ Giao"); otherwise it is placed only on unlabelled words.
     * Returns how many spans were placed or extended.
     */
    int label(List<String[]> syl, String[] label, Gazetteer gaz) {
        int placed = gaz.orgNames().label(syl, label, gaz);
        placed += cueLabels(syl, label, gaz);
        return placed + OrgNames.extendByPlace(syl, label, gaz);
    }

    private int cueLabels(List<String[]> syl, String[] label, Gazetteer gaz) {
        int placed = 0;
        int n = syl.size();
        for (int w = 0; w < n; w++) {
            if (label[w] != null && label[w].startsWith("I-")) {
                continue;
            }
            Cue cue = null;
            int after = -1;
            StringBuilder b = new StringBuilder();
            for (int e = w; e < n && e < w + maxWords; e++) {
                b.append(e > w ? " " : "").append(Fold.fold(String.join(" ", syl.get(e))));
                Cue c = cues.get(b.toString());
                if (c != null) {
                    cue = c;
                    after = e + 1;
                }
            }
            if (cue == null || after >= n || !free(label, w, after)) {
                continue;
            }
            int end = after;
            while (end < n && capital(syl.get(end)) && !headOrTitle(gaz, syl.get(end))) {
                end++;
            }
            boolean number = false;
            if (end == after && number(syl.get(after))) {
                end = after + 1;
                number = true;
            }
            if (end == after) {
                continue;
            }
            int start = cue.whole() || number ? w : after;
            boolean lowerCue = !capital(syl.get(w));
            if (!replaceable(label, start, end, lowerCue)) {
                continue;
            }
            for (int i = start; i < end; i++) {
                label[i] = (i == start ? "B-" : "I-") + cue.type();
            }
            placed++;
            w = end - 1;
        }
        return placed;
    }

    private static boolean free(String[] label, int a, int b) {
        for (int i = a; i < b; i++) {
            if (label[i] != null) {
                return false;
            }
        }
        return true;
    }

    /** Whether the labels of words {@code [a, b)} are none, or whole persons after a lower-case cue. */
    private static boolean replaceable(String[] label, int a, int b, boolean lowerCue) {
        if (b < label.length && label[b] != null && label[b].startsWith("I-")) {
            return false;
        }
        for (int i = a; i < b; i++) {
            if (label[i] != null && !(lowerCue && label[i].endsWith(Entity.PERSON))) {
                return false;
            }
        }
        return true;
    }

    private static boolean capital(String[] syl) {
        String s = syl[0];
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return Character.isUpperCase(s.charAt(i));
            }
        }
        return false;
    }

    private static boolean number(String[] syl) {
        return syl.length == 1 && !syl[0].isEmpty() && Character.isDigit(syl[0].charAt(0));
    }

    /** Whether a word is an organisation head, a place's type word or a title: no part of a name. */
    private static boolean headOrTitle(Gazetteer gaz, String[] syl) {
        java.util.Set<String> c = gaz.classes(String.join(" ", syl));
        return c.contains(Gazetteer.ORG) || c.contains(Gazetteer.ORG_ALONE) || c.contains(Gazetteer.KIND)
                || c.contains(Gazetteer.TITLE) || c.contains(Gazetteer.HONORIFIC);
    }
}

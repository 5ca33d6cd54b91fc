package org.vnextract.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.Fold;

/**
 * Organisation names beyond what the gazetteer lookup's heads and capitalised runs find
 * ({@code models/ner/org-names.tsv}): names whose words go on in lower case or after a comma
 * ("Bộ Giao thông vận tải", "Bộ Văn hóa, Thể thao và Du lịch", "Cục Quản lý thị trường"), long heads
 * that need a name or a place after them ("Công ty cổ phần", "Ngân hàng TMCP"), and companies, media and
 * international bodies named bare ("Samsung", "Reuters", "WHO"). A name takes a place written after
 * it with its type word ("Cục Quản lý thị trường tỉnh Quảng Nam"). Also extends any organisation
 * label by such a place ({@link #extendByPlace}: "Sở Y tế tỉnh Quảng Nam" is one body). The entity
 * trainer labels with them ({@code train.LabelCues}) and {@link WordFeatures} gives the tagger their
 * marks as features; the lookup ({@link Gazetteer#lookup}, the baseline) does not use them.
 *
 * <p>Immutable after loading; thread-safe.
 */
public final class OrgNames {
    /** The file, relative to {@code models/}. */
    public static final String FILE = "ner/org-names.tsv";

    /** A name's kind: a whole name, or a head that needs a capitalised name after it. */
    enum Kind { WHOLE, HEAD }

    /** A name: its kind and which of its tokens the text must capitalise (those the file does). */
    record Name(Kind kind, boolean[] caps) {}

    private final Map<String, Name> names;
    private final int maxTokens;

    private OrgNames(Map<String, Name> names) {
        this.names = names;
        this.maxTokens = names.keySet().stream().mapToInt(k -> k.split(" ").length).max().orElse(1);
    }

    /** The names of {@code models}. */
    public static OrgNames load(ModelSource models) {
        Validate.notNull(models, "models");
        Map<String, Name> m = new HashMap<>();
        for (String l : models.lines(FILE)) {
            String[] c = l.split("\t");
            Validate.isTrue(c.length == 3 && c[1].equals("ORG") && (c[2].equals("whole") || c[2].equals("head")), "line",
                    FILE + ": name TAB ORG TAB whole|head: " + l);
            List<String> t = tokens(c[0]);
            boolean[] caps = new boolean[t.size()];
            for (int i = 0; i < caps.length; i++) {
                caps[i] = capital(new String[] {t.get(i)});
            }
            Validate.isTrue(caps[0], "line", FILE + ": a name starts with a capital: " + l);
            m.put(key(t), new Name(c[2].equals("head") ? Kind.HEAD : Kind.WHOLE, caps));
        }
        return new OrgNames(m);
    }

    /** A phrase as the segmenter's words would give it: syllables, with , - & as tokens of their own. */
    private static List<String> tokens(String phrase) {
        List<String> out = new ArrayList<>();
        for (String t : phrase.replace(",", " , ").replace(" - ", " - ").replace("&", " & ").trim().split("\\s+")) {
            out.add(t);
        }
        return out;
    }

    /** The folded form of one token (punctuation, which folds to nothing, as written). */
    private static String fold(String token) {
        String f = Fold.fold(token);
        return f.isEmpty() ? token : f;
    }

    private static String key(List<String> tokens) {
        StringBuilder b = new StringBuilder();
        for (String t : tokens) {
            b.append(b.length() > 0 ? " " : "").append(fold(t));
        }
        return b.toString();
    }

    /**
     * Labels the names found in one sentence (words as syllables) on {@code label} (BIO per word,
     * null for none), longest first from the left: a name starts with a capital, begins and ends on
     * words, replaces the labels wholly inside it and never cuts one that crosses its ends. Returns
     * how many were placed.
     */
    public int label(List<String[]> syl, String[] label, Gazetteer gaz) {
        int placed = 0;
        int n = syl.size();
        for (int w = 0; w < n; w++) {
            if (!capital(syl.get(w)) || (label[w] != null && label[w].startsWith("I-"))) {
                continue;
            }
            Kind kind = null;
            int after = -1;
            StringBuilder b = new StringBuilder();
            List<Boolean> written = new ArrayList<>();
            for (int e = w; e < n && written.size() < maxTokens; e++) {
                for (String s : syl.get(e)) {
                    b.append(b.length() > 0 ? " " : "").append(fold(s));
                    written.add(capital(new String[] {s}));
                }
                Name k = names.get(b.toString());
                if (k != null && capitalised(k.caps(), written)) {
                    kind = k.kind();
                    after = e + 1;
                }
            }
            if (kind == null) {
                continue;
            }
            int end = after;
            if (kind == Kind.HEAD) {
                end = capRun(syl, after, gaz);
                if (end == after && !(after < n && gaz.classes(String.join(" ", syl.get(after))).contains(Gazetteer.KIND))) {
                    continue; // no name, and no place with its type word for extendByPlace
                }
            }
            if (!replaceable(label, w, end)) {
                continue;
            }
            for (int i = w; i < end; i++) {
                label[i] = (i == w ? "B-" : "I-") + Entity.ORGANIZATION;
            }
            placed++;
            w = end - 1;
        }
        return placed;
    }

    /**
     * Extends each organisation label by the place written after it with its type word, as one body
     * ("Sở Y tế" + "tỉnh" + "Quảng Nam", "Công an" + "Quận 1"): the type word unlabelled and the place
     * labelled right after it, or the place labelled with its type word ("Quận 1"). Returns how many
     * labels were extended.
     */
    public static int extendByPlace(List<String[]> syl, String[] label, Gazetteer gaz) {
        int extended = 0;
        int n = label.length;
        for (int i = 0; i < n; i++) {
            if (label[i] == null || !label[i].equals("B-" + Entity.ORGANIZATION)) {
                continue;
            }
            int e = i + 1;
            while (e < n && label[e] != null && label[e].equals("I-" + Entity.ORGANIZATION)) {
                e++;
            }
            if (e >= n || !gaz.classes(String.join(" ", syl.get(e))).contains(Gazetteer.KIND)) {
                continue;
            }
            int placeStart;
            if (label[e] == null && e + 1 < n && label[e + 1] != null && label[e + 1].equals("B-" + Entity.LOCATION)) {
                placeStart = e + 1;
            } else if (label[e] != null && label[e].equals("B-" + Entity.LOCATION)) {
                placeStart = e;
            } else {
                continue;
            }
            int f = placeStart + 1;
            while (f < n && label[f] != null && label[f].equals("I-" + Entity.LOCATION)) {
                f++;
            }
            for (int k = e; k < f; k++) {
                label[k] = "I-" + Entity.ORGANIZATION;
            }
            extended++;
            i = f - 1;
        }
        return extended;
    }

    /** The word after a run of capitalised words (numbers after the first; joined by "và", "-", "&") from {@code w}. */
    private static int capRun(List<String[]> syl, int w, Gazetteer gaz) {
        int e = w;
        int n = syl.size();
        while (e < n) {
            if (capital(syl.get(e)) && !head(gaz, syl.get(e))) {
                e++;
            } else if (e > w && e + 1 < n && capital(syl.get(e + 1)) && joiner(syl.get(e))) {
                e += 2;
            } else {
                break;
            }
        }
        return e;
    }

    private static boolean joiner(String[] syl) {
        return syl.length == 1 && (Fold.fold(syl[0]).equals("và") || syl[0].equals("-") || syl[0].equals("&"));
    }

    /** Whether the text capitalises every token the name's file capitalises. */
    private static boolean capitalised(boolean[] caps, List<Boolean> written) {
        for (int i = 0; i < caps.length; i++) {
            if (caps[i] && !written.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the labels of words {@code [a, b)} may be replaced: no span crosses either end. */
    private static boolean replaceable(String[] label, int a, int b) {
        if (label[a] != null && label[a].startsWith("I-")) {
            return false;
        }
        return b >= label.length || label[b] == null || !label[b].startsWith("I-");
    }

    private static boolean capital(String[] syl) {
        String s = syl[0];
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return Character.isUpperCase(s.charAt(i));
            }
        }
        return false;
    }

    /** Whether a word is a title or an honorific: it ends a name. */
    private static boolean head(Gazetteer gaz, String[] syl) {
        java.util.Set<String> c = gaz.classes(String.join(" ", syl));
        return c.contains(Gazetteer.TITLE) || c.contains(Gazetteer.HONORIFIC);
    }
}

package org.vnextract.extract.documents;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vnextract.extract.PhraseTrie;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.PipelineException;
import org.vnextract.text.Fold;

/**
 * The data files of {@code models/documents/}: type and issuer codes, their written variants,
 * the type words written before a number, and the issuer names from which a symbol-less
 * reference's issuer code is inferred.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class DocumentLexicon {
    static final String ANY_TYPE = "*";
    /** "TƯ", the old written form of the code TW, as issuer_aliases.tsv maps it. */
    private static final String TU_WRITTEN = "TƯ";

    private final Map<String, String> typeNames = new HashMap<>();     // canonical code → name
    private final Map<String, String> typeCanon = new HashMap<>();     // UPPER code → canonical
    private final Map<String, String> typeAliasParty = new HashMap<>();
    private final Map<String, String> typeAliasState = new HashMap<>();
    private final Map<String, String> issuerNames = new HashMap<>();   // canonical code → name
    private final Map<String, String> issuerAlias = new HashMap<>();   // UPPER written → canonical
    private final Set<String> writtenIssuerAliases = new HashSet<>(); // UPPER written forms of issuer_aliases.tsv
    private final Set<String> partyIssuers = new HashSet<>();          // canonical codes of scope "party" or "committee"
    private final Set<String> committees = new HashSet<>();            // canonical codes of scope "committee"
    /** UPPER type code fused with an issuer code ("NĐCP", "NQTW") → {type, issuer}; null value: two splits. */
    private final Map<String, String[]> fused = new HashMap<>();
    private final Set<String> notAfterNumber = new HashSet<>();
    private final Set<String> issuerNameWords = new HashSet<>();
    final PhraseTrie<String> stateBodies = new PhraseTrie<>(); // state_issuers.tsv: "của Chính phủ" → CP, for "35/2016/NQ-CP"
    final PhraseTrie<String> typeWords = new PhraseTrie<>();
    final PhraseTrie<String> bodies = new PhraseTrie<>();
    final PhraseTrie<String> organs = new PhraseTrie<>();
    final PhraseTrie<String> issueVerbs = new PhraseTrie<>();
    final PhraseTrie<String> earlierIssueVerbs = new PhraseTrie<>(); // earlier_issue_verbs.tsv
    final PhraseTrie<String> issuedOn = new PhraseTrie<>(); // issued_on.tsv: by | verb | at
    final PhraseTrie<String> issueRows = new PhraseTrie<>(); // issue_rows.tsv
    final PhraseTrie<String> dateTails = new PhraseTrie<>(); // date_tails.tsv: "vừa qua" after an opening date
    final PhraseTrie<String> onBehalf = new PhraseTrie<>(); // on_behalf.tsv: "thay mặt" Bộ Chính trị

    /** The spelling of Vietnamese syllables: a code glued to the next word ends where the word begins. */
    private final org.vnextract.ingest.VietnameseSyllables spelling;

    DocumentLexicon(ModelSource models) {
        Validate.notNull(models, "models");
        spelling = new org.vnextract.ingest.VietnameseSyllables(models);
        for (String[] c : rows(models, "documents/types.tsv", 2)) {
            typeNames.put(c[0], c[1]);
            typeCanon.put(upper(c[0]), c[0]);
        }
        for (String[] c : rows(models, "documents/type_aliases.tsv", 3)) {
            String canon = known(c[1], "documents/type_aliases.tsv");
            switch (c[2]) {
                case "party" -> typeAliasParty.put(upper(c[0]), canon);
                case "state" -> typeAliasState.put(upper(c[0]), canon);
                case "any" -> {
                    typeAliasParty.put(upper(c[0]), canon);
                    typeAliasState.put(upper(c[0]), canon);
                }
                default -> throw new PipelineException("documents/type_aliases.tsv: unknown scope '" + c[2] + "'");
            }
        }
        for (String[] c : rows(models, "documents/type_words.tsv", 2)) {
            typeWords.add(c[0], c[1].equals(ANY_TYPE) ? ANY_TYPE : known(c[1], "documents/type_words.tsv"));
        }
        for (String[] c : rows(models, "documents/issuers.tsv", 3)) {
            issuerNames.put(c[0], c[1]);
            issuerAlias.put(upper(c[0]), c[0]);
            switch (c[2]) {
                case "party" -> partyIssuers.add(c[0]);
                case "committee" -> {
                    partyIssuers.add(c[0]);
                    committees.add(c[0]);
                }
                case "state" -> { }
                default -> throw new PipelineException("documents/issuers.tsv: scope must be committee, party or state, was '" + c[2] + "'");
            }
        }
        for (String[] c : rows(models, "documents/issuer_aliases.tsv", 2)) {
            issuerAlias.put(upper(c[0]), c[1]);
            writtenIssuerAliases.add(upper(c[0]));
        }
        fuse();
        for (String[] c : rows(models, "documents/issuer_bodies.tsv", 2)) {
            bodies.add(c[0], c.length > 2 ? c[1] + "|" + c[2] : c[1]);
        }
        for (String[] c : rows(models, "documents/issuer_organs.tsv", 2)) {
            organs.add(c[0], c[1].equals("-") ? "" : c[1]);
        }
        for (String[] c : rows(models, "documents/issue_verbs.tsv", 2)) {
            if (!c[1].equals("verb") && !c[1].equals("adverb")) {
                throw new PipelineException("documents/issue_verbs.tsv: kind must be verb or adverb, was '" + c[1] + "'");
            }
            issueVerbs.add(c[0], c[1]);
        }
        for (String[] c : rows(models, "documents/earlier_issue_verbs.tsv", 1)) {
            earlierIssueVerbs.add(c[0], "verb");
        }
        for (String[] c : rows(models, "documents/issued_on.tsv", 2)) {
            if (!c[1].equals("by") && !c[1].equals("verb") && !c[1].equals("at")) {
                throw new PipelineException("documents/issued_on.tsv: kind must be by, verb or at, was '" + c[1] + "'");
            }
            issuedOn.add(c[0], c[1]);
        }
        for (String[] c : rows(models, "documents/issue_rows.tsv", 1)) {
            issueRows.add(c[0], "row");
        }
        for (String[] c : rows(models, "documents/date_tails.tsv", 1)) {
            dateTails.add(c[0], "tail");
        }
        for (String[] c : rows(models, "documents/on_behalf.tsv", 1)) {
            onBehalf.add(c[0], "behalf");
        }
        for (String[] c : rows(models, "documents/not_after_number.tsv", 1)) {
            notAfterNumber.add(Fold.fold(c[0]).isEmpty() ? c[0] : Fold.fold(c[0]));
        }
        for (String[] c : rows(models, "documents/issuer_name_words.tsv", 1)) {
            issuerNameWords.add(Fold.fold(c[0]));
        }
        for (String[] c : rows(models, "documents/state_issuers.tsv", 2)) {
            if (!issuerNames.containsKey(c[1])) {
                throw new PipelineException("documents/state_issuers.tsv: issuer code '" + c[1] + "' is not in documents/issuers.tsv");
            }
            stateBodies.add(c[0], c[1]);
        }
    }

    /**
     * Every written type code joined to every written issuer code, for symbols whose hyphen was lost
     * ("61/2018/NĐCP", "09-NQTW"): built once, so reading a fused code is one look-up. A join that is
     * itself a type or issuer code is left out; one with two splits maps to null (not read).
     */
    private void fuse() {
        Map<String, String> types = new HashMap<>(typeCanon);
        typeAliasState.forEach(types::putIfAbsent);
        typeAliasParty.forEach(types::putIfAbsent);
        for (Map.Entry<String, String> t : types.entrySet()) {
            for (Map.Entry<String, String> i : issuerAlias.entrySet()) {
                String join = t.getKey() + i.getKey();
                if (typeCanon.containsKey(join) || issuerAlias.containsKey(join)) {
                    continue;
                }
                String[] split = {t.getValue(), i.getValue()};
                if (!fused.containsKey(join)) {
                    fused.put(join, split);
                } else {
                    String[] had = fused.get(join);
                    if (had != null && !(had[0].equals(split[0]) && had[1].equals(split[1]))) {
                        fused.put(join, null);
                    }
                }
            }
        }
    }

    /** {type, issuer} of a type code fused with an issuer code ("NĐCP" → NĐ, CP), or null. */
    String[] fusedCode(String written) {
        return fused.get(upper(written.replace('\u00D0', 'Đ')));
    }

    /** Whether a canonical issuer code is a party committee's (issuers.tsv scope "committee": TW, TU, HU …). */
    boolean isCommittee(String code) {
        return committees.contains(code);
    }

    /** Whether a canonical issuer code signs party documents (issuers.tsv scope "party" or "committee"). */
    boolean isPartyIssuer(String code) {
        return partyIssuers.contains(code);
    }

    private String known(String code, String file) {
        if (!typeNames.containsKey(code)) {
            throw new PipelineException(file + ": type code '" + code + "' is not in documents/types.tsv");
        }
        return code;
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** True when {@code word} is spelled like a Vietnamese syllable. */
    boolean isSyllable(CharSequence word) {
        return spelling.isSyllable(word);
    }

    private static java.util.List<String[]> rows(ModelSource models, String file, int minColumns) {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        for (String l : models.lines(file)) {
            String[] c = l.split("\t");
            if (c.length < minColumns) {
                throw new PipelineException(file + ": expected " + minColumns + " tab-separated columns in '" + l + "'");
            }
            for (int i = 0; i < c.length; i++) {
                c[i] = c[i].strip();
            }
            out.add(c);
        }
        return out;
    }

    /** The canonical type code of a written one ("qđi", "QD" → "QĐi", "QĐ"), or null. */
    String typeCode(String written, boolean party) {
        String u = upper(written.replace('\u00D0', 'Đ'));
        String c = typeCanon.get(u);
        if (c != null) {
            // in a party symbol "DA" is "Đề án", a state "Dự án" has no party use
            String alias = party ? typeAliasParty.get(u) : null;
            return alias != null ? alias : c;
        }
        return (party ? typeAliasParty : typeAliasState).get(u);
    }

    String typeName(String code) {
        return code == null ? null : typeNames.get(code);
    }

    /** The canonical issuer code of a written one ("Tư" → "TW"), or the upper-cased input. */
    String issuerCode(String written) {
        String u = upper(written.replace('\u00D0', 'Đ'));
        String c = issuerAlias.get(u);
        if (c == null && u.length() > 2 && u.endsWith(TU_WRITTEN)) {
            // "BTCTƯ", "UBKTTƯ": "TƯ" (Trung ương) written for TW at the end of a board's code too
            c = u.substring(0, u.length() - 2) + issuerCode(TU_WRITTEN);
        }
        return c != null ? c : u;
    }

    /** Whether a written issuer part is a form listed in issuer_aliases.tsv ("Tư"), whatever its case. */
    boolean isIssuerAlias(String written) {
        return writtenIssuerAliases.contains(upper(written.replace('\u00D0', 'Đ')));
    }

    /** Whether a code, without its trailing digits ("QH13" → QH), is an issuer of issuers.tsv. */
    boolean isIssuerBody(String code) {
        int e = code.length();
        while (e > 0 && Character.isDigit(code.charAt(e - 1))) {
            e--;
        }
        return e > 0 && issuerNames.containsKey(issuerCode(code.substring(0, e)));
    }

    /** The name an issuer code stands for; "QH14" (a Quốc hội by its term) as "QH". */
    String issuerName(String code) {
        if (code == null) {
            return null;
        }
        String n = issuerNames.get(code);
        if (n != null) {
            return n;
        }
        int e = code.length();
        while (e > 0 && Character.isDigit(code.charAt(e - 1))) {
            e--;
        }
        return e > 0 && e < code.length() ? issuerNames.get(code.substring(0, e)) : null;
    }

    boolean notAfterNumber(String folded) {
        return notAfterNumber.contains(folded);
    }

    boolean issuerNameWord(String folded) {
        return issuerNameWords.contains(folded);
    }
}

package org.vnextract.extract.documents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vnextract.extract.Extractor;
import org.vnextract.extract.Mention;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Token;
import org.vnextract.text.TokenKind;

/**
 * Finds documents cited by an explicit symbol ("Kết luận số 21-KL/TW", "20/NQ-HĐND"), with the
 * type and issuer codes of {@code models/documents/}. The tokenizer keeps each symbol as one token,
 * so this reads tokens, not characters, and cannot backtrack.
 *
 * <p>Immutable; thread-safe.
 */
public final class DocumentExtractor implements Extractor<DocumentReference> {
    private final Map<String, String> typeNames = new HashMap<>();
    private final Map<String, String> typeCanon = new HashMap<>(); // upper-case code → code as written
    private final Map<String, String> issuers = new HashMap<>();

    public DocumentExtractor(ModelSource models) {
        Validate.notNull(models, "models");
        for (String l : models.lines("documents/types.tsv")) {
            String[] c = l.split("\t");
            typeNames.put(c[0], c[1]);
            typeCanon.put(c[0].toUpperCase(java.util.Locale.ROOT), c[0]);
        }
        for (String l : models.lines("documents/issuers.tsv")) {
            String[] c = l.split("\t");
            issuers.put(c[0], c[1]);
        }
    }

    @Override
    public String name() {
        return "documents";
    }

    @Override
    public Key<List<DocumentReference>> key() {
        return DocumentReference.KEY;
    }

    @Override
    public Set<Key<?>> requires() {
        return Set.of(AnalyzedText.KEY);
    }

    @Override
    public List<DocumentReference> extract(Analysis in) {
        AnalyzedText t = in.get(AnalyzedText.KEY);
        String text = t.text();
        Map<String, Builder> byId = new LinkedHashMap<>();
        for (Token tok : t.tokens()) {
            if (tok.kind() != TokenKind.SYMBOL) {
                continue;
            }
            Parsed p = parse(text.substring(tok.start(), tok.end()));
            if (p == null) {
                continue;
            }
            Builder b = byId.computeIfAbsent(p.id, k -> new Builder(p));
            b.mentions.add(Mention.of(text, tok.start(), tok.end()));
        }
        List<DocumentReference> out = new ArrayList<>();
        for (Builder b : byId.values()) {
            Parsed p = b.parsed;
            out.add(new DocumentReference(p.id, p.type, typeNames.get(p.type), p.number, p.issuerCode,
                    p.issuerCode == null ? null : issuers.get(p.issuerCode), null, null, true, b.mentions));
        }
        return out;
    }

    private record Parsed(String id, String type, String number, String issuerCode) {}

    private static final class Builder {
        final Parsed parsed;
        final List<Mention> mentions = new ArrayList<>();

        Builder(Parsed p) {
            this.parsed = p;
        }
    }

    /** "21-KL/TW" (party) or "20/NQ-HĐND", "100/2019/NĐ-CP" (state); null if neither. */
    Parsed parse(String written) {
        String s = written.replace(" ", "").replace('\u00D0', 'Đ').replace('–', '-');
        int dash = s.indexOf('-');
        int slash = s.indexOf('/');
        if (dash > 0 && (slash < 0 || dash < slash) && slash > dash) {
            String number = s.substring(0, dash);
            String type = canonType(s.substring(dash + 1, slash));
            String issuer = s.substring(slash + 1).toUpperCase(java.util.Locale.ROOT);
            if (type == null || !number.chars().allMatch(Character::isDigit)) {
                return null;
            }
            return new Parsed(number + "-" + type + "/" + issuer, type, number, issuer);
        }
        if (slash > 0) {
            String number = s.substring(0, slash);
            String rest = s.substring(s.lastIndexOf('/') + 1);
            int d = rest.indexOf('-');
            String type = canonType(d > 0 ? rest.substring(0, d) : rest);
            if (!number.chars().allMatch(Character::isDigit)) {
                return null;
            }
            return new Parsed(s.toUpperCase(java.util.Locale.ROOT), type == null ? rest : type, number,
                    d > 0 ? rest.substring(d + 1).toUpperCase(java.util.Locale.ROOT) : null);
        }
        return null;
    }

    private String canonType(String code) {
        return typeCanon.get(code.toUpperCase(java.util.Locale.ROOT));
    }
}

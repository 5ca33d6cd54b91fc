package org.vnextract.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vnextract.internal.Validate;

/**
 * The hand-annotated NER split ({@code corpus/ner/test.conll}: {@code # id}, {@code # split},
 * {@code # text} before each sentence, then {@code token<TAB>BIO tag} lines and a blank line), with
 * each gold entity placed on the sentence's text as a character span, so that a tagger whatever its
 * tokens is scored by exact span and type.
 *
 * <p>Immutable; thread-safe.
 */
public final class NerGold {
    /** One entity: characters {@code [start, end)} of its sentence's text, type PER, ORG or LOC. */
    public record Span(int start, int end, String type) {}

    /** One sentence: id, split, text and gold entities. */
    public record Sentence(String id, String split, String text, List<Span> entities) {}

    private NerGold() {}

    /** The sentences of a CoNLL file, in order; fails with the line when a token is not in its text. */
    public static List<Sentence> read(Path conll) throws IOException {
        Validate.notNull(conll, "conll");
        List<Sentence> out = new ArrayList<>();
        String id = null;
        String split = null;
        String text = null;
        List<String[]> rows = new ArrayList<>();
        List<String> lines = new ArrayList<>(Files.readAllLines(conll, StandardCharsets.UTF_8));
        lines.add("");
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (line.startsWith("# id = ")) {
                id = line.substring(7).strip();
            } else if (line.startsWith("# split = ")) {
                split = line.substring(10).strip();
            } else if (line.startsWith("# text = ")) {
                text = line.substring(9);
            } else if (line.isBlank()) {
                if (!rows.isEmpty()) {
                    out.add(sentence(conll, lineNo, id, split, text, rows));
                }
                rows = new ArrayList<>();
                id = null;
                split = null;
                text = null;
            } else if (!line.startsWith("#")) {
                String[] c = line.split("\t");
                if (c.length != 2) {
                    throw new IOException(conll + ":" + lineNo + ": a token line is token<TAB>tag: " + line);
                }
                rows.add(c);
            }
        }
        return out;
    }

    private static Sentence sentence(Path f, int lineNo, String id, String split, String text, List<String[]> rows) throws IOException {
        if (id == null || split == null || text == null) {
            throw new IOException(f + ":" + lineNo + ": a sentence needs # id, # split and # text");
        }
        List<Span> spans = new ArrayList<>();
        int cursor = 0;
        int start = -1;
        int end = -1;
        String type = null;
        for (String[] r : rows) {
            int at = text.indexOf(r[0], cursor);
            if (at < 0) {
                throw new IOException(f + ":" + lineNo + ": token '" + r[0] + "' is not in the text of " + id);
            }
            cursor = at + r[0].length();
            String tag = r[1];
            if (tag.startsWith("I-") && type != null && type.equals(tag.substring(2))) {
                end = cursor;
                continue;
            }
            if (type != null) {
                spans.add(new Span(start, end, type));
                type = null;
            }
            if (tag.startsWith("B-") || tag.startsWith("I-")) {
                type = tag.substring(2);
                start = at;
                end = cursor;
            } else if (!tag.equals("O")) {
                throw new IOException(f + ":" + lineNo + ": tag " + tag + " is not BIO (in " + id + ")");
            }
        }
        if (type != null) {
            spans.add(new Span(start, end, type));
        }
        return new Sentence(id, split, text, List.copyOf(spans));
    }
}

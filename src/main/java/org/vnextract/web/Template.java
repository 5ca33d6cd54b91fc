package org.vnextract.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vnextract.internal.Validate;

/**
 * A page layout with {@code {{name}}} placeholders, split into literal parts and placeholders
 * once, when it is made. {@link #render} writes each part in one pass and never looks inside a
 * value it inserts: a query or an article holding the text {@code {{body}}} is printed as written,
 * not replaced by the page body (replacing placeholders one after the other with
 * {@code String.replace} re-scanned the values inserted before).
 *
 * <p>Immutable; thread-safe.
 */
final class Template {
    private final List<String> literals = new ArrayList<>(); // one more than names
    private final List<String> names = new ArrayList<>();

    Template(String source) {
        Validate.notNull(source, "source");
        int at = 0;
        while (true) {
            int open = source.indexOf("{{", at);
            int close = open < 0 ? -1 : source.indexOf("}}", open + 2);
            if (close < 0) {
                literals.add(source.substring(at));
                return;
            }
            literals.add(source.substring(at, open));
            names.add(source.substring(open + 2, close));
            at = close + 2;
        }
    }

    /** The placeholders' names, in order of appearance. */
    List<String> names() {
        return List.copyOf(names);
    }

    /**
     * The layout with each placeholder replaced by its value, inserted as given (the caller
     * escapes). Every placeholder must have a value.
     */
    String render(Map<String, String> values) {
        Validate.notNull(values, "values");
        int size = 0;
        for (String l : literals) {
            size += l.length();
        }
        StringBuilder sb = new StringBuilder(size + 8192);
        for (int i = 0; i < names.size(); i++) {
            String v = values.get(names.get(i));
            Validate.isTrue(v != null, "values", "no value for placeholder {{" + names.get(i) + "}}");
            sb.append(literals.get(i)).append(v);
        }
        return sb.append(literals.get(names.size())).toString();
    }
}

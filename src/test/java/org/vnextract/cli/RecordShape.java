package org.vnextract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Checks a record against spec/RECORD.md: every required field present (list or null), and every
 * mention's code-point offsets give back its text (Lucene's ValidatingTokenFilter idea).
 */
final class RecordShape {
    private RecordShape() {}

    static void assertValid(JsonNode r) {
        assertThat(r.get("schema").asText()).isEqualTo("vnextract.record/1");
        assertThat(r.get("id").asText()).isNotEmpty();
        for (String f : List.of("uri", "site", "format")) {
            assertThat(r.get("source").has(f)).as("source." + f).isTrue();
        }
        JsonNode a = r.get("article");
        for (String f : List.of("title", "lead", "published", "authors", "section", "text")) {
            assertThat(a.has(f)).as("article." + f).isTrue();
        }
        assertThat(a.get("authors").isArray()).isTrue();
        for (String f : List.of("officials", "documents", "dates", "counts")) {
            assertThat(r.get(f).isArray()).as(f).isTrue();
        }
        assertThat(r.get("provenance").get("extractor").asText()).startsWith("vnextract ");
        assertThat(r.get("provenance").get("warnings").isArray()).isTrue();
        assertOffsets(r);
    }

    static void assertOffsets(JsonNode r) {
        String text = r.get("article").get("text").asText();
        int[] cps = text.codePoints().toArray();
        for (String list : List.of("officials", "documents", "dates", "periods", "organizations", "locations")) {
            JsonNode items = r.get(list);
            if (items == null || items.isNull()) {
                continue;
            }
            for (JsonNode item : items) {
                for (JsonNode m : item.get("mentions")) {
                    check(cps, m.get("start").asInt(), m.get("end").asInt(), m.get("text").asText(), list);
                }
            }
        }
        for (JsonNode c : r.get("counts")) {
            check(cps, c.get("start").asInt(), c.get("end").asInt(), c.get("text").asText(), "counts");
        }
    }

    private static void check(int[] cps, int start, int end, String expected, String where) {
        assertThat(start).as(where + " start").isBetween(0, cps.length);
        assertThat(end).as(where + " end").isBetween(start, cps.length);
        assertThat(new String(cps, start, end - start)).as(where + " mention offsets").isEqualTo(expected);
    }
}

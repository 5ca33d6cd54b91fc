package org.vnextract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
    @Test
    void valuesAreInsertedOnceAndNeverScannedForPlaceholders() {
        Template t = new Template("<title>{{title}}</title><input value=\"{{q}}\"><main>{{body}}</main>");
        assertThat(t.names()).containsExactly("title", "q", "body");
        String page = t.render(Map.of("title", "{{body}}", "q", "{{title}} {{q}}", "body", "BODY {{q}}"));
        assertThat(page).isEqualTo("<title>{{body}}</title><input value=\"{{title}} {{q}}\"><main>BODY {{q}}</main>");
    }

    @Test
    void textWithoutPlaceholdersAndUnclosedBracesIsKept() {
        assertThat(new Template("plain").render(Map.of())).isEqualTo("plain");
        assertThat(new Template("a {{x}} b {{ open").render(Map.of("x", "1"))).isEqualTo("a 1 b {{ open");
    }

    @Test
    void aMissingValueIsAProgrammerError() {
        assertThatThrownBy(() -> new Template("{{title}}").render(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{title}}");
    }
}

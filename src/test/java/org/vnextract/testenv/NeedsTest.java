package org.vnextract.testenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The one way tests ask for ../shared and services: skip with a named reason, or fail where they are required. */
class NeedsTest {
    @TempDir
    Path shared;

    @Test
    void aPresentFolderIsReturned() throws Exception {
        Files.createDirectories(shared.resolve("corpus/dev"));
        assertThat(Needs.shared(shared, "corpus/dev", Map.of())).isEqualTo(shared.resolve("corpus/dev"));
        assertThat(Needs.shared(shared, "corpus/dev", Map.of("CI", "true"))).isEqualTo(shared.resolve("corpus/dev"));
    }

    @Test
    void aMissingFolderSkipsNamingItUnlessRequired() {
        assertThatThrownBy(() -> Needs.shared(shared, "corpus/bulk", Map.of())).isInstanceOf(TestAbortedException.class)
                .hasMessageStartingWith(Needs.MARK + shared + "/corpus/bulk, which is absent");
        for (Map<String, String> ci : java.util.List.of(Map.of("CI", "true"), Map.of(Needs.REQUIRE_SHARED, "1"))) {
            assertThatThrownBy(() -> Needs.shared(shared, "corpus/bulk", ci)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("corpus/bulk, which is absent").hasMessageContaining("required here");
        }
        assertThat(Needs.requireShared(Map.of("CI", "false"))).isFalse();
        assertThat(Needs.requireShared(Map.of(Needs.REQUIRE_SERVICES, "1"))).isFalse();
    }

    @Test
    void aMissingServiceSkipsUnlessServicesAreRequired() {
        Needs.service(true, "anything", Map.of(Needs.REQUIRE_SERVICES, "1"));
        assertThatThrownBy(() -> Needs.service(false, "a PostgreSQL server", Map.of("CI", "true")))
                .isInstanceOf(TestAbortedException.class).hasMessage(Needs.MARK + "a PostgreSQL server");
        assertThatThrownBy(() -> Needs.service(false, "a PostgreSQL server", Map.of(Needs.REQUIRE_SERVICES, "true")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("required here");
    }
}

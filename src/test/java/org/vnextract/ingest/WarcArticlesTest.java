package org.vnextract.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vnextract.cli.Main;

class WarcArticlesTest {
    @TempDir
    Path dir;

    private static List<IngestResult> all(Sources s) {
        List<IngestResult> out = new ArrayList<>();
        s.forEachRemaining(out::add);
        return out;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void htmlResponsesBecomeArticlesWithTheirUriAndTheRestIsSkipped(boolean gzip) throws Exception {
        Path warc = WarcFixtures.write(dir.resolve(gzip ? "crawl.warc.gz" : "crawl.warc"), gzip);
        List<IngestResult> got;
        try (Sources s = Sources.open(List.of(dir.toString()), IngestLimits.defaults(), new ByteArrayInputStream(new byte[0]))) {
            got = all(s); // a directory: the archive is found by its name
        }
        assertThat(got).hasSize(3).allMatch(r -> r instanceof RawDocument);
        RawDocument a = (RawDocument) got.get(0);
        assertThat(a.format()).isEqualTo(SourceFormat.WARC);
        assertThat(a.contentType()).isEqualTo(ContentType.HTML);
        assertThat(a.metadata().uri()).isEqualTo("https://baotinh.vn/chinh-tri/hoi-nghi-tinh-uy.html");
        assertThat(a.source()).isEqualTo(warc.toString() + ":https://baotinh.vn/chinh-tri/hoi-nghi-tinh-uy.html");
        assertThat(a.metadata().published()).isEqualTo("2024-03-01T09:30:00+07:00"); // capture time in Vietnam
        assertThat(a.content()).contains("Nghị quyết số 02-NQ/TU");
        RawDocument c = (RawDocument) got.get(2);
        assertThat(c.content()).contains("Đông Hà"); // windows-1258 from the HTTP header
    }

    @Test
    void theExtractCommandReadsAnArchiveAndPrefersThePagesOwnDate() throws Exception {
        Path warc = WarcFixtures.write(dir.resolve("crawl.warc.gz"), true);
        Path out = dir.resolve("out.jsonl");
        int code = Main.commandLine().execute("extract", "-q", warc.toString(), "-o", out.toString());
        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.at("/source/format").asText()).isEqualTo("warc");
        assertThat(first.at("/source/uri").asText()).isEqualTo("https://baotinh.vn/chinh-tri/hoi-nghi-tinh-uy.html");
        assertThat(first.at("/article/published").asText()).isEqualTo("2023-11-05T13:45:00+07:00");
        assertThat(first.get("documents").toString()).contains("02-NQ/TU");
        JsonNode second = json.readTree(lines.get(1));
        assertThat(second.at("/article/published").asText()).isEqualTo("2024-03-01T09:30:00+07:00");
        assertThat(second.get("documents").toString()).contains("21-KL/TW");
    }

    @Test
    void aDamagedArchiveEndsWithOneRejection() throws Exception {
        Path warc = WarcFixtures.write(dir.resolve("crawl.warc"), false);
        byte[] bytes = Files.readAllBytes(warc);
        Path cut = dir.resolve("cut.warc");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        List<IngestResult> got;
        try (Sources s = Sources.open(List.of(cut.toString()), IngestLimits.defaults(), new ByteArrayInputStream(new byte[0]))) {
            got = all(s);
        }
        assertThat(got).isNotEmpty();
        assertThat(got.get(0)).isInstanceOf(RawDocument.class);
        assertThat(got.stream().filter(r -> r instanceof Rejected).count()).isLessThanOrEqualTo(1);
    }
}

package org.vnextract.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vnextract.ingest.IngestLimits;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Rejected;
import org.vnextract.ingest.Sources;

/**
 * Any bytes, as a file of each kind vnextract reads and as standard input, give documents or
 * rejections and nothing else: no exception escapes, and every document is non-blank.
 * Small limits, so the size and gzip-bomb paths are reached too.
 *
 * <p>Regression inputs: {@code src/test/resources/fuzz/IngestFuzzTestInputs/ingest/}.
 */
class IngestFuzzTest {
    private static final String[] NAMES = {"a.txt", "a.html", "a.jsonl", "a.txt.gz", "a.jsonl.gz", "a.dat"};
    private static final IngestLimits LIMITS = new IngestLimits(64 * 1024, 20);

    @FuzzTest(maxDuration = "5m")
    void ingest(byte[] data) throws IOException {
        String name = NAMES[data.length == 0 ? 0 : (data[0] & 0xFF) % NAMES.length];
        Path dir = Files.createTempDirectory("vx-fuzz");
        Path f = dir.resolve(name);
        try {
            Files.write(f, data);
            check(Sources.open(List.of(f.toString()), LIMITS, new ByteArrayInputStream(new byte[0])));
            check(Sources.open(List.of("-"), LIMITS, new ByteArrayInputStream(data)));
        } finally {
            Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        }
    }

    private static void check(Sources s) {
        try (s) {
            int n = 0;
            while (s.hasNext() && n < 10_000) {
                IngestResult r = s.next();
                if (r instanceof RawDocument d) {
                    assertThat(d.content()).isNotBlank();
                } else {
                    assertThat(((Rejected) r).reason()).isNotBlank();
                }
                n++;
            }
        }
    }
}

package org.vnextract.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vnextract.Vnextract;
import org.vnextract.ingest.IngestLimits;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Sources;

/**
 * A SQLite store holding the dev corpus ({@code ../shared/corpus/dev}) as {@code extract --db}
 * writes it, made once per test JVM (extracting the corpus takes a while) and shared read-only by
 * the tests of issue 18. Thread-safe: {@link #database()} is synchronized.
 */
public final class DevStore {
    private static Database db;

    private DevStore() {}

    public static Path corpus() {
        Path p = Path.of("../shared/corpus/dev");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("the dev corpus is missing: " + p.toAbsolutePath() + " (../shared beside the project)");
        }
        return p;
    }

    /** The store, loaded on first use. */
    public static synchronized Database database() throws Exception {
        if (db == null) {
            Path dir = Files.createTempDirectory("vnextract-dev-store");
            dir.toFile().deleteOnExit();
            Database d = Database.of(dir.resolve("dev.db").toString());
            Vnextract vx = Vnextract.builder().build();
            try (RecordStore s = RecordStore.open(d);
                 Sources src = Sources.open(List.of(corpus().toString()), IngestLimits.defaults(), System.in)) {
                while (src.hasNext()) {
                    IngestResult r = src.next();
                    if (r instanceof RawDocument doc) {
                        s.write(vx.process(doc));
                    }
                }
                s.commit();
            }
            db = d;
        }
        return db;
    }

}

package org.vnextract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code extract --db}: records go straight into a real SQLite file, idempotently. */
class ExtractToDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void extractStraightIntoTheDatabaseTwiceLeavesOneCopy() {
        String db = dir.resolve("v.db").toString();
        for (int i = 0; i < 2; i++) {
            Cli r = Cli.run("extract", "corpus", "--db", db);
            assertThat(r.exit()).as(r.err()).isZero();
        }
        Cli look = Cli.run("lookup", "21-KL/TW", "--db", db);
        assertThat(look.exit()).as(look.err()).isZero();
        assertThat(look.out()).contains("cited by 3 articles");
    }

    @Test
    void databaseGoesWithNeitherOutputNorResume() {
        String db = dir.resolve("v.db").toString();
        assertThat(Cli.run("extract", "corpus", "--db", db, "-o", dir.resolve("o.jsonl").toString()).exit())
                .isEqualTo(ExitCodes.USAGE);
    }
}

package org.vnextract.extract.dates;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vnextract.Vnextract;
import org.vnextract.ingest.IngestLimits;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Sources;
import org.vnextract.record.RecordJson;

/**
 * Writes the records of the corpus directories as JSON Lines for {@code tools/score.py}, until the
 * CLI's {@code extract} command is on this branch. Runs only when asked:
 * {@code mvn -o test -Dtest=CorpusEvalHarness -Dvnextract.eval.in=../shared/corpus/dev -Dvnextract.eval.out=/tmp/dev.jsonl}
 * (several inputs separated by commas). Not a unit test: it asserts nothing beyond running.
 */
@EnabledIfSystemProperty(named = "vnextract.eval.out", matches = ".+")
class CorpusEvalHarness {
    @Test
    void writeRecords() throws Exception {
        List<String> in = Arrays.asList(System.getProperty("vnextract.eval.in").split(","));
        Set<String> names = Set.of(System.getProperty("vnextract.eval.extractors", "dates,counts").split(","));
        Vnextract vx = Vnextract.builder().extractors(names).build();
        RecordJson json = new RecordJson();
        try (Sources s = Sources.open(in, IngestLimits.defaults(), System.in);
             BufferedWriter w = Files.newBufferedWriter(Path.of(System.getProperty("vnextract.eval.out")), StandardCharsets.UTF_8)) {
            while (s.hasNext()) {
                IngestResult r = s.next();
                if (r instanceof RawDocument d) {
                    w.write(json.toLine(vx.process(d)));
                    w.newLine();
                }
            }
        }
    }
}

package org.vnextract.extract.documents;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.vnextract.Vnextract;
import org.vnextract.ingest.IngestLimits;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Sources;
import org.vnextract.record.RecordJson;

/**
 * Writes the records of the documents extractor alone as JSON Lines, for {@code score.py}, until
 * the CLI's {@code extract} command is on this branch:
 *
 * <pre>
 * mvn -q -o test-compile
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.vnextract.extract.documents.DocumentsEvalMain /tmp/docs.jsonl ../shared/corpus/seeds ../shared/corpus/dev
 * python3 ../shared/tools/score.py ../shared/gold/dev /tmp/docs.jsonl
 * </pre>
 *
 * (target/cp.txt from {@code mvn -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 */
public final class DocumentsEvalMain {
    private DocumentsEvalMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DocumentsEvalMain OUT.jsonl PATH...");
            System.exit(2);
        }
        Vnextract vx = Vnextract.builder().extractors(Set.of("documents")).build();
        RecordJson json = new RecordJson();
        List<String> paths = Arrays.asList(args).subList(1, args.length);
        int n = 0;
        try (Sources src = Sources.open(paths, IngestLimits.defaults(), System.in);
             BufferedWriter w = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            while (src.hasNext()) {
                IngestResult r = src.next();
                if (r instanceof RawDocument d) {
                    w.write(json.toLine(vx.process(d)));
                    w.newLine();
                    n++;
                } else {
                    System.err.println("rejected: " + r);
                }
            }
        }
        System.err.println(n + " records → " + args[0]);
    }
}

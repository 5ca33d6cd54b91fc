package org.vnextract.extract.documents;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.vnextract.Vnextract;
import org.vnextract.ingest.IngestLimits;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Sources;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.AnalyzedText;

/**
 * Throughput of the documents extractor alone: the articles are cleaned and tokenized first,
 * then only {@link DocumentExtractor#extract(String, AnalyzedText, org.vnextract.segment.Words)} is timed, over several rounds
 * after a warm-up round. Prints articles/s and MB/s (of article text) by wall and thread CPU time.
 *
 * <pre>
 * mvn -q -o -DskipTests package &amp;&amp; mvn -q -o test-compile
 * java -Xmx6g -cp target/vnextract.jar:target/test-classes \
 *     org.vnextract.extract.documents.DocumentsBench [--max N] [--rounds R] ../shared/corpus/bulk/*.jsonl.gz
 * </pre>
 */
public final class DocumentsBench {
    private DocumentsBench() {}

    public static void main(String[] args) throws Exception {
        int max = Integer.MAX_VALUE;
        int rounds = 5;
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--max" -> max = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> paths.add(args[i]);
            }
        }
        if (paths.isEmpty()) {
            System.err.println("usage: DocumentsBench [--max N] [--rounds R] PATH...");
            System.exit(2);
        }
        Vnextract vx = Vnextract.builder().extractors(Set.of("documents")).build();
        List<AnalyzedText> texts = new ArrayList<>();
        long chars = 0;
        try (Sources src = Sources.open(paths, IngestLimits.defaults(), System.in)) {
            while (src.hasNext() && texts.size() < max) {
                IngestResult r = src.next();
                if (r instanceof RawDocument d) {
                    AnalyzedText t = vx.analyze(d).get(AnalyzedText.KEY);
                    texts.add(t);
                    chars += t.text().length();
                }
            }
        }
        DocumentExtractor ex = new DocumentExtractor(ModelSource.bundled());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf("%d articles, %.1f MB of text (%s)%n", texts.size(), chars / 1e6, Arrays.toString(paths.toArray()));
        for (int round = 0; round <= rounds; round++) {
            long found = 0;
            long w0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            for (AnalyzedText t : texts) {
                found += ex.extract(t, null).size();
            }
            double wall = (System.nanoTime() - w0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("%s: %d documents; wall %.2f s = %.0f articles/s, %.1f MB/s; cpu %.2f s = %.0f articles/s%n",
                    round == 0 ? "warm-up" : "round " + round, found, wall, texts.size() / wall, chars / 1e6 / wall,
                    cpu, texts.size() / cpu);
        }
    }
}

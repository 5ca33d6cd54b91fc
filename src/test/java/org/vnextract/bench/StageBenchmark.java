package org.vnextract.bench;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vnextract.Vnextract;
import org.vnextract.ingest.IngestLimits;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Sources;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Stage;

/**
 * JMH: the time of one stage of the standard pipeline per article, on the first 300 articles of
 * the bulk corpus (each stage gets the analysis the stages before it made, computed in setup).
 * {@code stage=all} is the whole pipeline plus the record. Run (see README, "Benchmarks"):
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) org.openjdk.jmh.Main StageBenchmark
 * </pre>
 *
 * Other stages (extractors as they land): {@code -p stage=NAME,…}; another corpus:
 * {@code -jvmArgs -Dvnextract.bench.corpus=FILE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StageBenchmark {
    @Param({"clean", "text", "documents", "dates", "counts", "all"})
    public String stage;

    private Vnextract vx;
    private Stage target;
    private List<Analysis> inputs;
    private List<RawDocument> docs;
    private int next;

    @Setup
    public void setUp() {
        vx = Vnextract.builder().build();
        String corpus = System.getProperty("vnextract.bench.corpus", "../shared/corpus/bulk/baomoi.jsonl.gz");
        docs = new ArrayList<>();
        try (Sources s = Sources.open(List.of(corpus), IngestLimits.defaults(), new ByteArrayInputStream(new byte[0]))) {
            while (docs.size() < 300 && s.hasNext()) {
                IngestResult r = s.next();
                if (r instanceof RawDocument d) {
                    docs.add(d);
                }
            }
        }
        if (docs.isEmpty()) {
            throw new IllegalStateException("no articles in " + corpus);
        }
        if (stage.equals("all")) {
            return;
        }
        List<Stage> stages = vx.pipeline().stages();
        int at = vx.pipeline().indexOf(stage);
        if (at < 0) {
            throw new IllegalArgumentException("no stage '" + stage + "'; the pipeline has "
                    + stages.stream().map(Stage::name).toList() + " (or 'all')");
        }
        target = stages.get(at);
        inputs = new ArrayList<>();
        for (RawDocument d : docs) {
            inputs.add(vx.pipeline().processBefore(Analysis.of(RawDocument.KEY, d), at));
        }
    }

    /** One article through the chosen stage (or the whole pipeline); articles taken in turn. */
    @Benchmark
    public Object article() {
        int i = next;
        next = i + 1 == docs.size() ? 0 : i + 1;
        return target == null ? vx.process(docs.get(i)) : target.process(inputs.get(i));
    }
}

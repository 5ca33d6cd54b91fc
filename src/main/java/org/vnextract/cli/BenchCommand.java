package org.vnextract.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.vnextract.Vnextract;
import org.vnextract.batch.BatchRunner;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Rejected;
import org.vnextract.ingest.Sources;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.PipelineException;
import org.vnextract.pipeline.Stage;
import org.vnextract.record.ArticleRecord;
import org.vnextract.record.RecordBuilder;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Token;
import org.vnextract.text.TokenKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vnextract bench}: the full pipeline's speed on a corpus held in memory (so reading and
 * decompressing are not measured): articles/s, words/s and peak heap for several runs on N threads
 * (the median is the figure to quote), then the share of time each stage takes on one thread, so the
 * next bottleneck is visible. Also prints the CPU time, since on a shared machine wall time depends
 * on the neighbours. Not thread-safe (filled by picocli).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measure the full pipeline on a corpus preloaded into memory: articles/s, words/s,",
                "peak heap (median of several runs), and the time share of each stage."})
public final class BenchCommand implements Callable<Integer> {
    static final String DEFAULT_CORPUS = "../shared/corpus/bulk/baomoi.jsonl.gz";

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "FILE", description = "Articles to run on (any input extract reads). Default: ${DEFAULT-VALUE}.")
    String corpus = DEFAULT_CORPUS;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all cores (${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--articles", paramLabel = "N", description = "The first N articles of the corpus. Default: ${DEFAULT-VALUE}.")
    int articles = 3000;

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs (after one warm-up run). Default: ${DEFAULT-VALUE}.")
    int runs = 5;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed warm-up runs first (JIT compilation). Default: ${DEFAULT-VALUE}.")
    int warmup = 1;

    @Option(names = "--compare-extractors", split = ",", paramLabel = "NAME",
            description = {"Time a second pipeline with only these extractors against the first (--extractors, default all),",
                    "in alternating pairs after warm-ups of both, and print the median of the pairs' rate ratios:",
                    "the cost of the extractors the second leaves out, measured so that a noisy neighbour hits both",
                    "sides of a pair alike. Places: --compare-extractors=documents,relations,dates,counts,officials."})
    List<String> compare = List.of();

    @Option(names = "--pairs", paramLabel = "N", description = "Alternating pairs timed with --compare-extractors. Default: ${DEFAULT-VALUE}.")
    int pairs = 9;

    @Option(names = "--stage", paramLabel = "NAME",
            description = {"Time this one stage alone, on one thread: each article is first run through the stages before it",
                    "(untimed, kept in memory), then the stage runs over all of them in the warm-up and --runs passes;",
                    "prints each pass's CPU microseconds per article and their median. Cheaper and steadier than the",
                    "whole pipeline, but the stage finds its data in the cache (alone it costs about half what it does",
                    "in the pipeline), and folded tokens it asked for in an earlier pass are kept."})
    String stage;

    @Mixin
    PipelineOptions pipeline;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1 || articles < 1 || runs < 1 || warmup < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--threads, --articles and --runs must be at least 1, --warmup at least 0");
        }
        if (!corpus.equals("-") && !Files.exists(Path.of(corpus))) {
            throw new Failure(ExitCodes.FAILED, corpus, "no such file or directory");
        }
        pipeline.validate(spec.commandLine());
        PipelineOptions.checkExtractors(spec.commandLine(), "--compare-extractors", compare);
        if (pairs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--pairs must be at least 1");
        }
        Vnextract vx = pipeline.build();
        List<RawDocument> docs = new ArrayList<>(articles);
        try (Sources s = Sources.open(List.of(corpus), pipeline.limits(), System.in)) {
            while (docs.size() < articles && s.hasNext()) {
                IngestResult r = s.next();
                if (r instanceof RawDocument d) {
                    docs.add(d);
                }
            }
        }
        if (docs.isEmpty()) {
            throw new Failure(ExitCodes.FAILED, corpus, "no articles");
        }
        out.printf(Locale.ROOT, "vnextract bench: %d articles from %s, %d threads, %d runs after %d warm-up; %d cores%n",
                docs.size(), corpus, threads, runs, warmup, Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "JVM %s %s, max heap %d MB, flags: %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getRuntimeMXBean().getInputArguments());

        if (stage != null) {
            return stageAlone(out, vx, docs);
        }
        if (!compare.isEmpty()) {
            comparePairs(out, vx, pipeline.build(new java.util.LinkedHashSet<>(compare)), docs);
            out.flush();
            return ExitCodes.OK;
        }
        StageTimes stages = stageTimes(vx, docs);
        long words = stages.words;

        for (int i = 0; i < warmup; i++) {
            timedRun(vx, docs);
        }
        double[] rates = new double[runs];
        long peak = 0;
        for (int i = 0; i < runs; i++) {
            Run r = timedRun(vx, docs);
            rates[i] = docs.size() / r.seconds;
            peak = Math.max(peak, r.peakHeap);
            out.printf(Locale.ROOT, "run %d: %.2f s, %.1f articles/s, %.0f words/s, peak heap %d MB, CPU %.2f s (%.1f articles per CPU-second)%n",
                    i + 1, r.seconds, rates[i], words / r.seconds, r.peakHeap >> 20, r.cpuSeconds, docs.size() / r.cpuSeconds);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
        out.printf(Locale.ROOT, "median: %.1f articles/s, %.0f words/s (%d words in %d articles), peak heap %d MB%n",
                median, median * words / docs.size(), words, docs.size(), peak >> 20);
        out.printf(Locale.ROOT, "stages, one thread, CPU time (%.2f ms per article in all):%n", stages.totalNanos() / 1e6 / docs.size());
        for (Map.Entry<String, Long> e : stages.nanos) {
            out.printf(Locale.ROOT, "  %-16s %5.1f%%  %8.3f ms/article%n", e.getKey(),
                    100.0 * e.getValue() / stages.totalNanos(), e.getValue() / 1e6 / docs.size());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private record Run(double seconds, long peakHeap, double cpuSeconds) {}

    /**
     * Times {@code full} and {@code reduced} in {@link #pairs} pairs, the order alternating from one pair
     * to the next (so a slow spell of the machine, or a JIT change, does not always fall on the same
     * side), and prints each pair's ratio of rates and their medians, by wall time and by CPU time.
     */
    private void comparePairs(PrintWriter out, Vnextract full, Vnextract reduced, List<RawDocument> docs) throws Exception {
        String fullName = pipeline.extractors.isEmpty() ? "all extractors" : String.join(",", pipeline.extractors);
        String reducedName = String.join(",", compare);
        out.printf(Locale.ROOT, "comparing A = %s with B = %s: %d warm-up runs each, then %d alternating pairs%n",
                fullName, reducedName, Math.max(1, warmup), pairs);
        for (int i = 0; i < Math.max(1, warmup); i++) {
            timedRun(full, docs);
            timedRun(reduced, docs);
        }
        double[] wall = new double[pairs];
        double[] cpu = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            Run a;
            Run b;
            if (i % 2 == 0) {
                a = timedRun(full, docs);
                b = timedRun(reduced, docs);
            } else {
                b = timedRun(reduced, docs);
                a = timedRun(full, docs);
            }
            wall[i] = b.seconds / a.seconds; // rate of A over rate of B
            cpu[i] = b.cpuSeconds / a.cpuSeconds;
            out.printf(Locale.ROOT, "pair %d (%s first): A %.1f articles/s, B %.1f articles/s, A/B %.3f; CPU A %.2f s, B %.2f s, A/B rate %.3f%n",
                    i + 1, i % 2 == 0 ? "A" : "B", docs.size() / a.seconds, docs.size() / b.seconds, wall[i],
                    a.cpuSeconds, b.cpuSeconds, cpu[i]);
        }
        double w = median(wall);
        double c = median(cpu);
        out.printf(Locale.ROOT, "median A/B rate: %.3f by wall time (A %.1f%% slower than B), %.3f by CPU time (%.1f%% slower)%n",
                w, 100 * (1 - w), c, 100 * (1 - c));
    }

    /**
     * {@link #stage} alone: the analyses before it made once, then the stage timed over all of them
     * in {@link #warmup} untimed and {@link #runs} timed passes, by this thread's CPU time.
     */
    private int stageAlone(PrintWriter out, Vnextract vx, List<RawDocument> docs) {
        List<Stage> stages = vx.pipeline().stages();
        int at = vx.pipeline().indexOf(stage);
        if (at < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--stage: no stage '" + stage
                    + "' in the pipeline " + stages.stream().map(Stage::name).toList());
        }
        Stage target = stages.get(at);
        List<Analysis> inputs = new ArrayList<>(docs.size());
        for (RawDocument d : docs) {
            inputs.add(vx.pipeline().processBefore(Analysis.of(RawDocument.KEY, d), at));
        }
        java.lang.management.ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        java.util.function.LongSupplier clock = tm.isCurrentThreadCpuTimeSupported()
                ? tm::getCurrentThreadCpuTime : System::nanoTime;
        out.printf(Locale.ROOT, "stage %s alone, one thread, %d articles: %d warm-up passes, then %d timed%n",
                stage, inputs.size(), warmup, runs);
        double[] micros = new double[runs];
        long sink = 0;
        for (int pass = -warmup; pass < runs; pass++) {
            long t0 = clock.getAsLong();
            for (Analysis a : inputs) {
                sink += System.identityHashCode(target.process(a)) & 1;
            }
            long t1 = clock.getAsLong();
            if (pass >= 0) {
                micros[pass] = (t1 - t0) / 1e3 / inputs.size();
                out.printf(Locale.ROOT, "pass %d: %.2f us per article%n", pass + 1, micros[pass]);
            }
        }
        out.printf(Locale.ROOT, "median: %.2f us per article (%d)%n", median(micros), sink & 1);
        out.flush();
        return ExitCodes.OK;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private Run timedRun(Vnextract vx, List<RawDocument> docs) throws Exception {
        System.gc();
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong(mem.getHeapMemoryUsage().getUsed());
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "vnextract-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long[] n = new long[1];
        org.vnextract.record.RecordJson json = new org.vnextract.record.RecordJson();
        double cpu0 = cpuSeconds();
        long t0 = System.nanoTime();
        try (BatchRunner r = BatchRunner.builder(vx).threads(threads).maxSecondsPerArticle(0).build()) {
            r.run(docs.iterator(), new BatchRunner.Handler() {
                @Override
                public void record(long position, RawDocument source, ArticleRecord record) {
                    n[0] += json.toLine(record).isEmpty() ? 0 : 1; // written as extract writes it
                }

                @Override
                public void rejected(long position, Rejected rejected) {
                    n[0]++;
                }
            });
        }
        long t1 = System.nanoTime();
        double cpu1 = cpuSeconds();
        sampler.interrupt();
        sampler.join();
        if (n[0] != docs.size()) {
            throw new IllegalStateException("the run delivered " + n[0] + " outcomes for " + docs.size() + " articles");
        }
        return new Run((t1 - t0) / 1e9, peak.get(), cpu1 - cpu0);
    }

    private static double cpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** Nanoseconds spent in each stage (and in record building) over all articles, on one thread. */
    private record StageTimes(List<Map.Entry<String, Long>> nanos, long words) {
        long totalNanos() {
            return nanos.stream().mapToLong(Map.Entry::getValue).sum();
        }
    }

    /**
     * Measured in this thread's CPU time, not wall time, so that other processes on a shared
     * machine do not blur the shares.
     */
    private static StageTimes stageTimes(Vnextract vx, List<RawDocument> docs) {
        java.lang.management.ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        java.util.function.LongSupplier clock = tm.isCurrentThreadCpuTimeSupported()
                ? tm::getCurrentThreadCpuTime : System::nanoTime;
        List<Stage> stages = vx.pipeline().stages();
        RecordBuilder records = new RecordBuilder(Vnextract.VERSION, Map.of());
        org.vnextract.record.RecordJson json = new org.vnextract.record.RecordJson();
        long[] nanos = new long[stages.size() + 2];
        long words = 0;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up and is not counted
            Arrays.fill(nanos, 0);
            words = 0;
            for (RawDocument d : docs) {
                Analysis a = Analysis.of(RawDocument.KEY, d);
                for (int i = 0; i < stages.size(); i++) {
                    long t = clock.getAsLong();
                    a = stages.get(i).process(a);
                    nanos[i] += clock.getAsLong() - t;
                }
                long t = clock.getAsLong();
                ArticleRecord rec = records.build(a);
                long t2 = clock.getAsLong();
                nanos[stages.size()] += t2 - t;
                json.toLine(rec);
                nanos[stages.size() + 1] += clock.getAsLong() - t2;
                AnalyzedText text = a.find(AnalyzedText.KEY).orElse(null);
                if (text != null) {
                    for (Token tok : text.tokens()) {
                        if (tok.kind() == TokenKind.WORD) {
                            words++;
                        }
                    }
                }
            }
        }
        List<Map.Entry<String, Long>> out = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            out.add(Map.entry(stages.get(i).name(), nanos[i]));
        }
        out.add(Map.entry("record", nanos[stages.size()]));
        out.add(Map.entry("json line", nanos[stages.size() + 1]));
        return new StageTimes(out, words);
    }
}

package org.vnextract.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vnextract.clean.Article;
import org.vnextract.clean.CleanStage;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Rejected;
import org.vnextract.ingest.Sources;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.segment.ModelStore;
import org.vnextract.segment.SegmentStage;
import org.vnextract.segment.SegmenterLexicons;
import org.vnextract.segment.WordSegmenter;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Sentence;
import org.vnextract.text.SentenceSplitter;
import org.vnextract.text.Span;
import org.vnextract.text.TextStage;
import org.vnextract.text.Token;
import org.vnextract.text.Tokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vnextract segment FILE...}: prints each sentence of each article on a line, the words
 * separated by spaces and the syllables of a word joined by {@code _} (VnCoreNLP's output form,
 * so the two can be compared). With {@code --bench}, measures words per second on one thread
 * instead (tokenizer + segmenter, and segmenter alone), the median of several runs, and the heap
 * the loaded segmenter takes.
 *
 * <p>Not thread-safe (filled by picocli).
 */
@Command(name = "segment", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Word-segment articles: one sentence per line, words_joined_by_underscores.")
public final class SegmentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories (text, HTML, JSON Lines, .gz); - for standard input.")
    List<String> paths;

    @Option(names = "--bench", description = "Measure speed instead of printing (single thread).")
    boolean bench;

    @Option(names = "--articles", paramLabel = "N", description = "With --bench: the first N articles. Default: ${DEFAULT-VALUE}.")
    int articles = 3000;

    @Option(names = "--runs", paramLabel = "N", description = "With --bench: measured runs (after 2 warm-up runs). Default: ${DEFAULT-VALUE}.")
    int runs = 7;

    @Mixin
    PipelineOptions pipeline;

    private long loadCpuNanos;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        pipeline.validate(spec.commandLine());
        ModelSource models = pipeline.models == null ? ModelSource.bundled() : ModelSource.directory(pipeline.models);
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        WordSegmenter segmenter = ModelStore.standard(models).loadSegmenter(SegmenterLexicons.from(models));
        loadCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0;
        long loadNanos = System.nanoTime() - t0;
        long heapAfter = usedHeap();
        SegmentStage stage = new SegmentStage(segmenter);
        CleanStage clean = new CleanStage(models, pipeline.maxHtmlDepth);
        TextStage text = new TextStage(models, pipeline.maxChars, pipeline.maxSentenceTokens);
        List<Article> read = new ArrayList<>();
        int rejected = 0;
        try (Sources sources = Sources.open(paths, pipeline.limits(), System.in)) {
            while (sources.hasNext() && (!bench || read.size() < articles)) {
                IngestResult r = sources.next();
                if (r instanceof Rejected rej) {
                    err.println("vnextract: " + rej.source() + ": " + rej.reason());
                    rejected++;
                    continue;
                }
                Analysis a = clean.process(Analysis.of(RawDocument.KEY, (RawDocument) r));
                if (bench) {
                    read.add(a.get(Article.KEY));
                    continue;
                }
                AnalyzedText t = text.process(a).get(AnalyzedText.KEY);
                print(t, stage.segment(t), out);
            }
        }
        if (bench) {
            bench(read, models, text, stage, loadNanos, heapAfter - heapBefore, out);
        }
        out.flush();
        return rejected > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
    }

    static void print(AnalyzedText t, Words w, PrintWriter out) {
        StringBuilder sb = new StringBuilder();
        for (Sentence s : t.sentences()) {
            int[] r = w.range(s);
            sb.setLength(0);
            for (int i = r[0]; i < r[1]; i++) {
                if (i > r[0]) {
                    sb.append(' ');
                }
                w.appendJoined(t, i, sb);
            }
            out.println(sb);
        }
    }

    private void bench(List<Article> read, ModelSource models, TextStage text, SegmentStage stage, long loadNanos,
                       long heapDelta, PrintWriter out) {
        List<List<String>> paragraphs = new ArrayList<>();
        List<Boolean> titled = new ArrayList<>();
        for (Article a : read) {
            List<String> parts = new ArrayList<>();
            if (a.title() != null) {
                parts.add(a.title());
            }
            if (a.lead() != null) {
                parts.add(a.lead());
            }
            parts.addAll(a.paragraphs());
            paragraphs.add(parts);
            titled.add(a.title() != null);
        }
        List<AnalyzedText> analyzed = new ArrayList<>();
        long words = 0;
        long tokens = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            AnalyzedText t = text.analyze(paragraphs.get(i), titled.get(i), new ArrayList<>());
            analyzed.add(t);
            tokens += t.tokens().size();
            words += stage.segment(t).size();
        }
        Tokenizer tokenizer = new Tokenizer(models);
        SentenceSplitter splitter = new SentenceSplitter(models, pipeline.maxSentenceTokens);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] names = {"normalize+tokenize+split+segment", "tokenize+split+segment", "segment only"};
        double[][] wall = new double[3][runs];
        double[][] cpu = new double[3][runs];
        for (int run = -2; run < runs; run++) {
            for (int phase = 0; phase < 3; phase++) {
                long sink = 0;
                long w0 = System.nanoTime();
                long c0 = mx.getCurrentThreadCpuTime();
                if (phase == 0) {
                    for (int i = 0; i < paragraphs.size(); i++) {
                        sink += stage.segment(text.analyze(paragraphs.get(i), titled.get(i), new ArrayList<>())).size();
                    }
                } else if (phase == 1) {
                    for (AnalyzedText t : analyzed) {
                        sink += stage.segment(retokenize(t, tokenizer, splitter)).size();
                    }
                } else {
                    for (AnalyzedText t : analyzed) {
                        sink += stage.segment(t).size();
                    }
                }
                long c1 = mx.getCurrentThreadCpuTime();
                long w1 = System.nanoTime();
                if (sink != words) {
                    throw new IllegalStateException("segmentation differs between runs: " + sink + " vs " + words);
                }
                if (run >= 0) {
                    wall[phase][run] = words / ((w1 - w0) / 1e9);
                    cpu[phase][run] = words / ((c1 - c0) / 1e9);
                }
            }
        }
        out.printf(Locale.ROOT, "articles: %d, tokens: %d, words: %d; words/s on one thread, median of %d runs after 2 warm-up runs%n",
                read.size(), tokens, words, runs);
        for (int phase = 0; phase < 3; phase++) {
            Arrays.sort(wall[phase]);
            Arrays.sort(cpu[phase]);
            out.printf(Locale.ROOT, "%-34s %,11.0f per CPU second (min %,.0f, max %,.0f); %,11.0f per wall second%n",
                    names[phase] + ":", cpu[phase][runs / 2], cpu[phase][0], cpu[phase][runs - 1], wall[phase][runs / 2]);
        }
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "segmenter: %d vocabulary words, %d syllables, %d rules; loaded in %d ms (%d ms CPU, cold JVM); heap +%.1f MB after loading%n",
                stage.segmenter().vocabularySize(), stage.segmenter().syllables(), stage.segmenter().rules(),
                loadNanos / 1_000_000, loadCpuNanos / 1_000_000, heapDelta / 1048576.0);
        out.printf(Locale.ROOT, "JVM: %s %s, max heap %d MB, args %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), rt.maxMemory() >> 20,
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** The text again through the tokenizer and sentence splitter only (its normalised paragraphs kept). */
    private static AnalyzedText retokenize(AnalyzedText t, Tokenizer tokenizer, SentenceSplitter splitter) {
        String s = t.text();
        List<Token> tokens = new ArrayList<>(s.length() / 4 + 1);
        List<Sentence> sentences = new ArrayList<>();
        for (Span p : t.paragraphs()) {
            int first = tokens.size();
            tokenizer.tokenize(s, p.start(), p.end(), tokens);
            splitter.split(s, tokens, first, tokens.size(), sentences);
        }
        return new AnalyzedText(s, t.paragraphs(), sentences, tokens, t.titleEnd());
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}

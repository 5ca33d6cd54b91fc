package org.vnextract.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vnextract.clean.Article;
import org.vnextract.clean.CleanStage;
import org.vnextract.ingest.IngestLimits;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.LineReader;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Rejected;
import org.vnextract.ingest.Sources;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.segment.LineSegmenter;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vnextract segment FILE...}: word segmentation as a stream, one line in, one line out.
 * Each input line is tokenized, split into sentences and segmented as it is (nothing of the
 * article pipeline: no cleaning, no boilerplate rules, no size cut but a per-line cap), and
 * printed as one line: its sentences joined by a space, the words separated by spaces and the
 * syllables of a word joined by {@code _} (VnCoreNLP's output form, so the two can be compared).
 * {@code --sentences} prints a sentence per line and an empty line after each input line;
 * {@code --jsonl} prints one JSON record per input line with each word's code-point offsets.
 * Files are read one after the other, every line of each kept; {@code -} is standard input.
 *
 * <p>With {@code --bench}, measures words per second on one thread instead (tokenizer +
 * segmenter, and segmenter alone) over articles read as {@code extract} reads them, the median of
 * several runs, and the heap the loaded segmenter takes.
 *
 * <p>Not thread-safe (filled by picocli).
 */
@Command(name = "segment", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Word-segment text, one line in, one line out: words separated by spaces, syllables_joined_by_underscores.",
                "Each line is segmented as it is (no cleaning, nothing dropped); files one after the other; - is standard input."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every line segmented whole", "1:the models could not be loaded or the output not written",
                "2:usage error", "3:a file could not be read, or a line was cut at --max-line-chars or had invalid UTF-8 (the rest is written)"})
public final class SegmentCommand implements Callable<Integer> {
    /** The per-line cap: the same as an article's character cap in {@code extract}. */
    static final int DEFAULT_MAX_LINE_CHARS = TextStage.DEFAULT_MAX_CHARS;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Text files (UTF-8, .gz too), read line by line; - for standard input.")
    List<String> paths;

    @Option(names = "--sentences", description = "One sentence per line, and an empty line after each input line.")
    boolean sentences;

    @Option(names = "--jsonl", description = {"One JSON record per input line: {\"source\", \"line\", \"sentences\": [[{\"word\", \"start\", \"end\"}…]…]},",
            "offsets in code points into the line (into \"text\", given when the line had to be composed to NFC)."})
    boolean jsonl;

    @Option(names = "--max-line-chars", paramLabel = "N", description = "Characters of a line segmented; a longer line is cut there, with a warning. Default: ${DEFAULT-VALUE}.")
    int maxLineChars = DEFAULT_MAX_LINE_CHARS;

    @Option(names = "--max-sentence-tokens", paramLabel = "N", description = "Tokens per sentence before a new one is started. Default: ${DEFAULT-VALUE}.")
    int maxSentenceTokens = TextStage.DEFAULT_MAX_SENTENCE_TOKENS;

    @Option(names = "--models", paramLabel = "DIR", description = "Read rules and lexicons from DIR instead of the copy in the jar.")
    Path models;

    @Option(names = "--bench", description = "Measure speed instead of printing (single thread), over articles read as extract reads them.")
    boolean bench;

    @Option(names = "--articles", paramLabel = "N", description = "With --bench: the first N articles. Default: ${DEFAULT-VALUE}.")
    int articles = 3000;

    @Option(names = "--runs", paramLabel = "N", description = "With --bench: measured runs (after 2 warm-up runs). Default: ${DEFAULT-VALUE}.")
    int runs = 7;

    @Option(names = "--threads", paramLabel = "N", description = "Lines segmented in parallel by N threads, written in input order. Default: all cores (${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    private long loadCpuNanos;

    /** How lines are printed. */
    enum Format { LINES, SENTENCES, JSONL }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxLineChars < 1 || maxSentenceTokens < 1 || articles < 1 || runs < 1 || threads < 1) {
            throw new ParameterException(spec.commandLine(), "--max-line-chars, --max-sentence-tokens, --articles, --runs and --threads must be at least 1");
        }
        if (models != null && !Files.isDirectory(models)) {
            throw new ParameterException(spec.commandLine(), "--models: not a directory: " + models);
        }
        if (sentences && jsonl) {
            throw new ParameterException(spec.commandLine(), "--sentences and --jsonl cannot be combined (records list the sentences)");
        }
        ModelSource ms = models == null ? ModelSource.bundled() : ModelSource.directory(models);
        if (bench) {
            return bench(ms, out, err);
        }
        LineSegmenter segmenter = lineSegmenter(ms, SegmenterLexicons.from(ms), maxSentenceTokens);
        Format format = jsonl ? Format.JSONL : sentences ? Format.SENTENCES : Format.LINES;
        int problems = 0;
        for (String p : paths) {
            String source = p.equals("-") ? "-" : p;
            InputStream in;
            try {
                in = p.equals("-") ? System.in : open(Path.of(p));
            } catch (IOException | InvalidPathException e) {
                err.println("vnextract: " + printable(source) + ": cannot read: " + reason(e));
                problems++;
                continue;
            }
            try (LineReader lines = new LineReader(p.equals("-") ? new NoClose(in) : in, maxLineChars, out::flush)) {
                int n = threads == 1 ? stream(segmenter, lines, source, format, out, err)
                        : streamParallel(segmenter, lines, source, format, out, err, threads);
                if (n < 0) {
                    err.println("vnextract: standard output: write error");
                    return ExitCodes.FAILED;
                }
                problems += n;
            } catch (IOException e) {
                err.println("vnextract: " + printable(source) + ": read error: " + reason(e));
                problems++;
            }
            if (out.checkError()) {
                err.println("vnextract: standard output: write error");
                return ExitCodes.FAILED;
            }
        }
        out.flush();
        if (out.checkError()) {
            err.println("vnextract: standard output: write error");
            return ExitCodes.FAILED;
        }
        return problems > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
    }

    /** The segmenter of the command (and of {@code eval-segment --via-command}, which must score the same). */
    static LineSegmenter lineSegmenter(ModelSource models, SegmenterLexicons lexicons, int maxSentenceTokens) {
        return new LineSegmenter(new Tokenizer(models), new SentenceSplitter(models, maxSentenceTokens),
                ModelStore.standard().loadSegmenter(lexicons));
    }

    private static InputStream open(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            throw new IOException("is a directory (segment reads files: one line in, one line out)");
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
        if (p.getFileName() != null && p.getFileName().toString().endsWith(".gz")) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }

    /**
     * Segments every line of {@code lines} and prints it in {@code format}; warns on {@code err}
     * about lines cut at the cap or with invalid UTF-8.
     * @return how many lines were cut or had invalid bytes, or -1 when {@code out} (a
     *         {@link PrintWriter}, which keeps its errors) could no longer be written: a closed pipe
     *         or a full disk stops the run instead of segmenting the rest for nobody
     */
    static int stream(LineSegmenter segmenter, LineReader lines, String source, Format format, Writer out, PrintWriter err)
            throws IOException {
        int problems = 0;
        StringBuilder sb = new StringBuilder(1 << 12);
        LineReader.Line l;
        while ((l = lines.next()) != null) {
            List<String> warnings = new ArrayList<>(2);
            if (l.badByte() >= 0) {
                warnings.add("invalid UTF-8 at byte " + l.badByte() + " of the line, replaced by U+FFFD");
            }
            if (l.cut()) {
                warnings.add("line longer than " + lines.maxChars() + " characters, cut there");
            }
            for (String w : warnings) {
                err.println("vnextract: " + printable(source) + ":" + l.number() + ": " + w);
            }
            if (!warnings.isEmpty()) {
                problems++;
            }
            sb.setLength(0);
            format(segmenter, l.text(), l.number(), warnings, source, format, sb);
            out.append(sb);
            if ((l.number() & 1023) == 0 && out instanceof PrintWriter pw && pw.checkError()) {
                return -1;
            }
        }
        return problems;
    }

    /** The output of one input line, with its line break. */
    private static void format(LineSegmenter segmenter, String text, long number, List<String> warnings, String source,
                               Format format, StringBuilder sb) {
        LineSegmenter.Line seg = segmenter.segment(text);
        switch (format) {
            case LINES -> appendWords(seg, 0, seg.words().size(), sb);
            case SENTENCES -> {
                for (Sentence s : seg.analyzed().sentences()) {
                    int[] r = seg.words().range(s);
                    appendWords(seg, r[0], r[1], sb);
                    sb.append('\n');
                }
            }
            case JSONL -> appendJson(seg, source, number, warnings, sb);
        }
        sb.append('\n');
    }

    /** One input line as the workers need it. */
    private record Pending(String text, long number, List<String> warnings) {}

    private static final int BATCH_LINES = 32;
    private static final int BATCH_CHARS = 1 << 17;

    /**
     * As {@link #stream}, with lines segmented by {@code threads} workers in batches and written in
     * input order: the reading thread reports warnings as it reads, at most two batches per worker
     * are in flight, so memory stays bounded by the batch size whatever the input's length.
     */
    static int streamParallel(LineSegmenter segmenter, LineReader lines, String source, Format format, Writer out,
                              PrintWriter err, int threads) throws IOException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "segment-worker");
            t.setDaemon(true);
            return t;
        });
        java.util.ArrayDeque<java.util.concurrent.Future<String>> inFlight = new java.util.ArrayDeque<>();
        int problems = 0;
        try {
            List<Pending> batch = new ArrayList<>(BATCH_LINES);
            int chars = 0;
            LineReader.Line l;
            while (true) {
                l = lines.next();
                if (l != null) {
                    List<String> warnings = new ArrayList<>(2);
                    if (l.badByte() >= 0) {
                        warnings.add("invalid UTF-8 at byte " + l.badByte() + " of the line, replaced by U+FFFD");
                    }
                    if (l.cut()) {
                        warnings.add("line longer than " + lines.maxChars() + " characters, cut there");
                    }
                    for (String w : warnings) {
                        err.println("vnextract: " + printable(source) + ":" + l.number() + ": " + w);
                    }
                    if (!warnings.isEmpty()) {
                        problems++;
                    }
                    batch.add(new Pending(l.text(), l.number(), warnings));
                    chars += l.text().length();
                }
                if (!batch.isEmpty() && (l == null || batch.size() >= BATCH_LINES || chars >= BATCH_CHARS)) {
                    List<Pending> work = batch;
                    inFlight.add(pool.submit(() -> {
                        StringBuilder sb = new StringBuilder(work.size() * 256);
                        for (Pending p : work) {
                            format(segmenter, p.text(), p.number(), p.warnings(), source, format, sb);
                        }
                        return sb.toString();
                    }));
                    batch = new ArrayList<>(BATCH_LINES);
                    chars = 0;
                }
                while (!inFlight.isEmpty() && (l == null || inFlight.size() >= 2 * threads || inFlight.peek().isDone())) {
                    out.append(result(inFlight.poll()));
                    if (out instanceof PrintWriter pw && pw.checkError()) {
                        return -1;
                    }
                }
                if (l == null) {
                    return problems;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String result(java.util.concurrent.Future<String> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while segmenting", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void appendWords(LineSegmenter.Line seg, int from, int to, StringBuilder sb) {
        for (int w = from; w < to; w++) {
            if (w > from) {
                sb.append(' ');
            }
            seg.words().appendJoined(seg.analyzed(), w, sb);
        }
    }

    private static void appendJson(LineSegmenter.Line seg, String source, long number, List<String> warnings, StringBuilder sb) {
        String text = seg.text();
        // char offset -> code point offset; null when the line has no surrogate pairs (they are equal)
        int[] cp = null;
        if (text.codePointCount(0, text.length()) != text.length()) {
            cp = new int[text.length() + 1];
            for (int i = 0, c = 0; i <= text.length(); i++) {
                cp[i] = c;
                if (i < text.length() && !(Character.isLowSurrogate(text.charAt(i)) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                    c++;
                }
            }
        }
        sb.append("{\"source\":");
        jsonString(source, sb);
        sb.append(",\"line\":").append(number);
        if (seg.composed()) {
            sb.append(",\"text\":");
            jsonString(text, sb);
        }
        sb.append(",\"sentences\":[");
        StringBuilder word = new StringBuilder();
        boolean firstSentence = true;
        for (Sentence s : seg.analyzed().sentences()) {
            int[] r = seg.words().range(s);
            sb.append(firstSentence ? "[" : ",[");
            firstSentence = false;
            for (int w = r[0]; w < r[1]; w++) {
                word.setLength(0);
                seg.words().appendJoined(seg.analyzed(), w, word);
                int start = seg.words().start(w);
                int end = seg.words().end(w);
                sb.append(w > r[0] ? ",{\"word\":" : "{\"word\":");
                jsonString(word, sb);
                sb.append(",\"start\":").append(cp == null ? start : cp[start]).append(",\"end\":").append(cp == null ? end : cp[end]).append('}');
            }
            sb.append(']');
        }
        sb.append(']');
        if (!warnings.isEmpty()) {
            sb.append(",\"warnings\":[");
            for (int i = 0; i < warnings.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                jsonString(warnings.get(i), sb);
            }
            sb.append(']');
        }
        sb.append('}');
    }

    private static void jsonString(CharSequence s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** A file name as one printable line: control characters escaped, so a name cannot forge or colour a message. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** Standard input, left open when its reader is closed. */
    private static final class NoClose extends FilterInputStream {
        NoClose(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // standard input belongs to the process
        }
    }

    private int bench(ModelSource models, PrintWriter out, PrintWriter err) throws Exception {
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        WordSegmenter segmenter = ModelStore.standard(models).loadSegmenter(SegmenterLexicons.from(models));
        loadCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0;
        long loadNanos = System.nanoTime() - t0;
        long heapAfter = usedHeap();
        SegmentStage stage = new SegmentStage(segmenter);
        CleanStage clean = new CleanStage(models, CleanStage.DEFAULT_MAX_DEPTH);
        TextStage text = new TextStage(models, TextStage.DEFAULT_MAX_CHARS, maxSentenceTokens);
        List<Article> read = new ArrayList<>();
        int rejected = 0;
        try (Sources sources = Sources.open(paths, IngestLimits.defaults(), System.in)) {
            while (sources.hasNext() && read.size() < articles) {
                IngestResult r = sources.next();
                if (r instanceof Rejected rej) {
                    err.println("vnextract: " + printable(rej.source()) + ": " + rej.reason());
                    rejected++;
                    continue;
                }
                Analysis a = clean.process(Analysis.of(RawDocument.KEY, (RawDocument) r));
                read.add(a.get(Article.KEY));
            }
        }
        bench(read, models, text, stage, loadNanos, heapAfter - heapBefore, out);
        out.flush();
        return rejected > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
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
        SentenceSplitter splitter = new SentenceSplitter(models, maxSentenceTokens);
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

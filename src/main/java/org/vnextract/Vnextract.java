package org.vnextract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vnextract.clean.CleanStage;
import org.vnextract.assembly.ExtractorOptions;
import org.vnextract.assembly.ExtractorRegistry;
import org.vnextract.extract.TokenView;
import org.vnextract.extract.TokenViewStage;
import org.vnextract.extract.officials.OfficialRules;
import org.vnextract.ingest.RawDocument;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.Pipeline;
import org.vnextract.pipeline.Stage;
import org.vnextract.record.ArticleRecord;
import org.vnextract.record.RecordBuilder;
import org.vnextract.segment.SegmentStage;
import org.vnextract.segment.Words;
import org.vnextract.text.TextStage;

/**
 * The library's entry point: the standard pipeline (clean → text → extractors) and the record it
 * makes of each {@link RawDocument}. The CLI, the web server and the Spark job all go through here.
 *
 * <pre>{@code
 * Vnextract vx = Vnextract.builder().build();
 * ArticleRecord r = vx.process(rawDocument);
 * }</pre>
 *
 * <p>Immutable and thread-safe once built: build one and share it across worker threads. Building
 * loads every model, so it is the slow part.
 */
public final class Vnextract {
    public static final String VERSION = Version.VERSION;

    private final Pipeline pipeline;
    private final RecordBuilder records;

    private Vnextract(Pipeline pipeline, RecordBuilder records) {
        this.pipeline = pipeline;
        this.records = records;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /** Runs the pipeline over one document and returns its record. */
    public ArticleRecord process(RawDocument doc) {
        Validate.notNull(doc, "doc");
        return records.build(analyze(doc));
    }

    /** Runs the pipeline and returns the full analysis (for benchmarks and tools that need tokens). */
    public Analysis analyze(RawDocument doc) {
        return pipeline.process(Analysis.of(RawDocument.KEY, doc));
    }

    /** Windows of at most this many words have their names remembered by the pipeline's tagger ({@code ner.MemoTagger}). */
    static final int ENTITY_MEMO_WORDS = 8;
    /** How many windows' names the pipeline's tagger remembers at most (a few MB). */
    static final int ENTITY_MEMO_ENTRIES = 50_000;

    /** Configures a {@link Vnextract}. Not thread-safe. */
    public static final class Builder {
        private ModelSource models = ModelSource.bundled();
        private Set<String> extractors = Set.of();
        private ExtractorOptions extractorOptions = ExtractorOptions.defaults();
        private int maxHtmlDepth = CleanStage.DEFAULT_MAX_DEPTH;
        private int maxChars = TextStage.DEFAULT_MAX_CHARS;
        private int maxSentenceTokens = TextStage.DEFAULT_MAX_SENTENCE_TOKENS;
        private final Map<String, String> modelVersions = new LinkedHashMap<>();

        private Builder() {}

        public Builder models(ModelSource m) {
            this.models = Validate.notNull(m, "m");
            return this;
        }

        /** Only these extractors (names of {@link ExtractorRegistry}); empty means all. */
        public Builder extractors(Set<String> names) {
            this.extractors = Set.copyOf(Validate.noNulls(names, "names"));
            return this;
        }

        /** Where officials' personal names come from; default {@link OfficialRules.NameSource#RULES}. */
        public Builder officialsNames(OfficialRules.NameSource s) {
            this.extractorOptions = extractorOptions.withOfficialsNames(Validate.notNull(s, "s"));
            return this;
        }

        /**
         * Whether officials read the entity tagger's names (ner.Entities), which decide the rules'
         * short organisation candidates; default on. Off, the pipeline runs no tagger.
         */
        public Builder officialsEntities(boolean on) {
            this.extractorOptions = extractorOptions.withOfficialsEntities(on);
            return this;
        }

        public Builder maxHtmlDepth(int d) {
            this.maxHtmlDepth = Validate.positive(d, "d");
            return this;
        }

        public Builder maxChars(int n) {
            this.maxChars = Validate.positive(n, "n");
            return this;
        }

        public Builder maxSentenceTokens(int n) {
            this.maxSentenceTokens = Validate.positive(n, "n");
            return this;
        }

        /**
         * Builds the pipeline from what the chosen extractors need: the segmenter runs only when
         * one of them requires {@link Words#KEY} or {@link TokenView#KEY}, the token view is built
         * once per article when one requires it, and each extractor comes after the ones whose
         * keys it reads.
         */
        public Vnextract build() {
            List<Stage> extract = ExtractorRegistry.standard().create(models, extractors, extractorOptions);
            Pipeline.Builder b = Pipeline.builder()
                    .input(RawDocument.KEY)
                    .add(new CleanStage(models, maxHtmlDepth))
                    .add(new TextStage(models, maxChars, maxSentenceTokens));
            boolean view = extract.stream().anyMatch(s -> s.requires().contains(TokenView.KEY));
            boolean entities = extract.stream().anyMatch(s -> s.requires().contains(org.vnextract.ner.Entities.KEY));
            if (view || entities || extract.stream().anyMatch(s -> s.requires().contains(Words.KEY))) {
                SegmentStage segment = SegmentStage.standard(models);
                modelVersions.put("wordsegmenter", segment.modelVersion());
                b.add(segment);
            }
            if (view) {
                b.add(new TokenViewStage()); // one token view per article, read by every extractor that requires it
            }
            if (entities) {
                // the entity tagger behind its interface; it tags only the words its readers ask about,
                // each window on its own, and remembers the answers for short ones (they recur)
                b.add(new org.vnextract.ner.EntityStage(new org.vnextract.ner.MemoTagger(
                        org.vnextract.ner.WordTagger.load(models), ENTITY_MEMO_WORDS, ENTITY_MEMO_ENTRIES)));
            }
            Pipeline p = b.addInDependencyOrder(extract).build();
            return new Vnextract(p, new RecordBuilder(VERSION, modelVersions));
        }
    }
}

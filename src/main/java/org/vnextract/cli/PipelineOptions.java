package org.vnextract.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vnextract.Vnextract;
import org.vnextract.clean.CleanStage;
import org.vnextract.extract.officials.OfficialRules;
import org.vnextract.ingest.IngestLimits;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.TextStage;
import picocli.CommandLine.Option;

/**
 * Options that shape the pipeline and its limits, shared by every command that extracts.
 * Not thread-safe (filled by picocli).
 */
public final class PipelineOptions {
    @Option(names = "--max-bytes", paramLabel = "N", description = "Largest source (file or JSONL line) read, in bytes. Default: ${DEFAULT-VALUE}.")
    long maxBytes = IngestLimits.DEFAULT_MAX_BYTES;

    @Option(names = "--max-gzip-ratio", paramLabel = "N", description = "Largest expansion of a gzip source before it counts as a bomb. Default: ${DEFAULT-VALUE}.")
    int maxGzipRatio = IngestLimits.DEFAULT_MAX_GZIP_RATIO;

    @Option(names = "--max-chars", paramLabel = "N", description = "Characters of cleaned text kept per article. Default: ${DEFAULT-VALUE}.")
    int maxChars = TextStage.DEFAULT_MAX_CHARS;

    @Option(names = "--max-html-depth", paramLabel = "N", description = "HTML nesting read. Default: ${DEFAULT-VALUE}.")
    int maxHtmlDepth = CleanStage.DEFAULT_MAX_DEPTH;

    @Option(names = "--max-sentence-tokens", paramLabel = "N", description = "Tokens per sentence before it is cut. Default: ${DEFAULT-VALUE}.")
    int maxSentenceTokens = TextStage.DEFAULT_MAX_SENTENCE_TOKENS;

    @Option(names = "--lenient-utf8",
            description = "Read a JSON Lines line with invalid UTF-8 with the bad bytes replaced by U+FFFD and a warning in its record, instead of rejecting the line.")
    boolean lenientUtf8;

    @Option(names = "--extractors", split = ",", paramLabel = "NAME", description = "Only these extractors (comma-separated). Default: all.")
    List<String> extractors = List.of();

    @Option(names = "--officials-names", paramLabel = "SOURCE",
            description = "Where officials' personal names come from: rules, model (the statistical name finder under models/ner/) or both. Default: rules.")
    OfficialRules.NameSource officialsNames = OfficialRules.NameSource.RULES;

    @Option(names = "--officials-entities", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Officials read the entity tagger (models/ner/entities-ner.bin) to decide which short organisation candidates of the rules are organisations. Default: on; --no-officials-entities for the rules alone.")
    boolean officialsEntities = true;

    @Option(names = "--models", paramLabel = "DIR", description = "Read rules and lexicons (and the word-segmenter files, when DIR has vncorenlp/wordsegmenter/) from DIR instead of the copy in the jar.")
    Path models;

    public IngestLimits limits() {
        return new IngestLimits(maxBytes, maxGzipRatio, lenientUtf8);
    }

    /** @throws picocli.CommandLine.ParameterException for values no pipeline can use */
    public void validate(picocli.CommandLine cl) {
        if (models != null && !java.nio.file.Files.isDirectory(models)) {
            throw new picocli.CommandLine.ParameterException(cl, "--models: not a directory: " + models);
        }
        if (maxBytes < 1 || maxGzipRatio < 1 || maxChars < 1 || maxHtmlDepth < 1 || maxSentenceTokens < 1) {
            throw new picocli.CommandLine.ParameterException(cl, "limits (--max-*) must be at least 1");
        }
        checkExtractors(cl, "--extractors", extractors);
    }

    /** @throws picocli.CommandLine.ParameterException naming {@code option} for an unknown extractor */
    public static void checkExtractors(picocli.CommandLine cl, String option, List<String> names) {
        Set<String> known = org.vnextract.assembly.ExtractorRegistry.standard().names();
        for (String e : names) {
            if (!known.contains(e)) {
                throw new picocli.CommandLine.ParameterException(cl, option + ": unknown extractor '" + e
                        + "'; known: " + String.join(", ", known));
            }
        }
    }

    public Vnextract build() {
        return build(new LinkedHashSet<>(extractors));
    }

    /** The pipeline these options describe, with {@code names} as its extractors (empty: all). */
    public Vnextract build(Set<String> names) {
        return Vnextract.builder()
                .models(models == null ? ModelSource.bundled() : ModelSource.directory(models))
                .extractors(names)
                .officialsNames(officialsNames)
                .officialsEntities(officialsEntities)
                .maxChars(maxChars)
                .maxHtmlDepth(maxHtmlDepth)
                .maxSentenceTokens(maxSentenceTokens)
                .build();
    }
}

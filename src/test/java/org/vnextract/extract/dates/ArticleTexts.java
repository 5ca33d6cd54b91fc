package org.vnextract.extract.dates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.vnextract.clean.Article;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.segment.SegmentStage;
import org.vnextract.text.TextStage;

/** Test helpers: an analysed article from plain paragraphs, and the rows of a test corpus file. */
public final class ArticleTexts {
    public static final ModelSource MODELS = ModelSource.bundled();
    private static final TextStage TEXT = new TextStage(MODELS, TextStage.DEFAULT_MAX_CHARS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
    private static final SegmentStage SEGMENT = SegmentStage.standard(MODELS);

    private ArticleTexts() {}

    /** The analysis the text and segment stages make of these body paragraphs, published at {@code published} (or null). */
    public static Analysis analyze(String published, String... paragraphs) {
        Article a = new Article(null, null, List.of(paragraphs), published, List.of(), null, null);
        return SEGMENT.process(TEXT.process(Analysis.of(Article.KEY, a)));
    }

    /** The tab-separated rows of a test resource, without blank and {@code #} lines. */
    public static List<String[]> rows(String resource) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = ArticleTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                out.add(line.split("\t", -1));
            }
        }
        return out;
    }

    public static String published(String column) {
        return column == null || column.equals("-") ? null : column;
    }
}

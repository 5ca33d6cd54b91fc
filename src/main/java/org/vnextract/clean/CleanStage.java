package org.vnextract.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vnextract.ingest.ContentType;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.SourceMetadata;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.Stage;

/**
 * The clean stage: {@link RawDocument} → {@link Article}. HTML goes to the {@link HtmlCleaner},
 * plain text to the {@link TextCleaner}; what the source's own metadata says (a JSON Lines title
 * or date) wins over what the cleaner guessed.
 *
 * <p>Immutable; thread-safe.
 */
public final class CleanStage implements Stage {
    /** Default limit of HTML element nesting; deeper content is dropped with a warning. */
    public static final int DEFAULT_MAX_DEPTH = 512;

    private final TextCleaner text;
    private final HtmlCleaner html;

    public CleanStage(ModelSource models, int maxHtmlDepth) {
        Validate.notNull(models, "models");
        BoilerplateRules rules = BoilerplateRules.load(models);
        this.text = new TextCleaner(rules);
        this.html = new HtmlCleaner(models, rules, maxHtmlDepth);
    }

    @Override
    public String name() {
        return "clean";
    }

    @Override
    public Set<Key<?>> requires() {
        return Set.of(RawDocument.KEY);
    }

    @Override
    public Set<Key<?>> provides() {
        return Set.of(Article.KEY);
    }

    @Override
    public Analysis process(Analysis in) {
        RawDocument raw = in.get(RawDocument.KEY);
        SourceMetadata meta = raw.metadata();
        TextCleaner.Result r = raw.contentType() == ContentType.HTML
                ? html.clean(raw.content(), meta.uri())
                : text.clean(raw.content());
        Article a = r.article();
        // the source's own metadata wins; a JSONL lead or title repeated in the body is dropped there
        String title = meta.title() != null ? TextCleaner.normalizeLine(meta.title()) : a.title();
        String lead = meta.lead() != null ? TextCleaner.normalizeLine(meta.lead()) : a.lead();
        List<String> paragraphs = new ArrayList<>(a.paragraphs());
        if (title != null && meta.title() != null && a.title() != null && !a.title().equals(title)) {
            paragraphs.add(0, a.title()); // the cleaner's guessed headline was body text after all
        }
        paragraphs.removeIf(p -> p.equals(title) || p.equals(lead));
        List<String> authors = meta.authors().isEmpty() ? a.authors() : meta.authors();
        String site = a.site() != null ? a.site() : HtmlCleaner.host(meta.uri());
        // a web archive's date is when the page was captured: the page's own date wins over it
        boolean captureDate = raw.format() == org.vnextract.ingest.SourceFormat.WARC;
        Article out = new Article(title, lead, paragraphs,
                captureDate && a.published() != null ? a.published()
                        : meta.published() != null ? meta.published() : a.published(),
                authors, meta.section() != null ? meta.section() : a.section(), site);
        return in.with(Article.KEY, out).withWarnings(raw.warnings()).withWarnings(r.warnings());
    }
}

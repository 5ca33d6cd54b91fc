package org.vnextract.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vnextract.clean.Article;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.Stage;

/**
 * The text stage: {@link Article} → {@link AnalyzedText}. Title, lead and body paragraphs are
 * normalised one by one and joined with {@code '\n'}; each paragraph is tokenized and split into
 * sentences. Over-long articles are cut at the character limit with a warning.
 *
 * <p>Immutable; thread-safe.
 */
public final class TextStage implements Stage {
    public static final int DEFAULT_MAX_CHARS = 1_000_000;
    public static final int DEFAULT_MAX_SENTENCE_TOKENS = 500;

    private final TextNormalizer normalizer = new TextNormalizer();
    private final Tokenizer tokenizer;
    private final SentenceSplitter splitter;
    private final int maxChars;

    public TextStage(ModelSource models, int maxChars, int maxSentenceTokens) {
        Validate.notNull(models, "models");
        this.tokenizer = new Tokenizer(models);
        this.splitter = new SentenceSplitter(models, maxSentenceTokens);
        this.maxChars = Validate.positive(maxChars, "maxChars");
    }

    @Override
    public String name() {
        return "text";
    }

    @Override
    public Set<Key<?>> requires() {
        return Set.of(Article.KEY);
    }

    @Override
    public Set<Key<?>> provides() {
        return Set.of(AnalyzedText.KEY);
    }

    @Override
    public Analysis process(Analysis in) {
        Article a = in.get(Article.KEY);
        List<String> parts = new ArrayList<>();
        if (a.title() != null) {
            parts.add(a.title());
        }
        if (a.lead() != null) {
            parts.add(a.lead());
        }
        parts.addAll(a.paragraphs());
        List<String> warnings = new ArrayList<>();
        AnalyzedText t = analyze(parts, a.title() != null, warnings);
        return in.with(AnalyzedText.KEY, t).withWarnings(warnings);
    }

    /**
     * Analyses paragraphs of text; {@code hasTitle} marks the first as the title. Problems with the
     * text (cut at a limit, lookalike letters replaced) are added to {@code warnings}.
     */
    public AnalyzedText analyze(List<String> paragraphs, boolean hasTitle, List<String> warnings) {
        Validate.noNulls(paragraphs, "paragraphs");
        Validate.notNull(warnings, "warnings");
        StringBuilder sb = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        boolean eth = false;
        boolean titleKept = false;
        for (int i = 0; i < paragraphs.size(); i++) {
            TextNormalizer.Result r = normalizer.normalize(paragraphs.get(i));
            eth |= r.ethReplaced();
            String n = r.text();
            if (n.isEmpty()) {
                continue;
            }
            int room = maxChars - sb.length() - (sb.length() > 0 ? 1 : 0);
            if (room <= 0) {
                warnings.add("article text cut at the limit of " + maxChars + " characters");
                break;
            }
            if (n.length() > room) {
                n = n.substring(0, Character.isHighSurrogate(n.charAt(room - 1)) ? room - 1 : room);
                warnings.add("article text cut at the limit of " + maxChars + " characters");
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            int start = sb.length();
            sb.append(n);
            spans.add(new Span(start, sb.length()));
            if (i == 0 && hasTitle) {
                titleKept = true;
            }
            if (sb.length() >= maxChars) {
                break;
            }
        }
        if (eth) {
            warnings.add("lookalike letter Ð/ð (U+00D0/U+00F0) read as Đ/đ");
        }
        String text = sb.toString();
        List<Token> tokens = new ArrayList<>(text.length() / 4 + 1);
        List<Sentence> sentences = new ArrayList<>();
        int cut = 0;
        for (Span s : spans) {
            int first = tokens.size();
            tokenizer.tokenize(text, s.start(), s.end(), tokens);
            cut += splitter.split(text, tokens, first, tokens.size(), sentences);
        }
        if (cut > 0) {
            warnings.add(cut + " sentence(s) cut at the limit of tokens per sentence");
        }
        int titleEnd = titleKept ? spans.get(0).end() : 0;
        return new AnalyzedText(text, spans, sentences, tokens, titleEnd);
    }
}

package org.vnextract.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.clean.BoilerplateRules;
import org.vnextract.clean.HtmlCleaner;
import org.vnextract.clean.TextCleaner;
import org.vnextract.ingest.IngestLimits;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.LegacyVietnamese;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Sources;
import org.vnextract.ingest.VietnameseSyllables;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.Sentence;
import org.vnextract.text.SentenceSplitter;
import org.vnextract.text.TextNormalizer;
import org.vnextract.text.TextStage;
import org.vnextract.text.Token;
import org.vnextract.text.TokenKind;

/**
 * Every foundation stage runs in linear time on hostile text ({@link HostileText}): 1 MB in one
 * piece against 20 × 50 KB, measured in the same run ({@link LinearTime}). Ingest is timed with
 * the encoding review (legacy detection, NFD, tone placement) that runs on every source.
 */
class StageLinearTimeTest {
    private static final ModelSource MODELS = ModelSource.bundled();
    private static final BoilerplateRules RULES = BoilerplateRules.load(MODELS);

    @TempDir
    Path dir;

    private final AtomicInteger files = new AtomicInteger();

    private Path file(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(files.incrementAndGet() + name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<IngestResult> readAll(Path p) {
        List<IngestResult> out = new ArrayList<>();
        try (Sources s = Sources.open(List.of(p.toString()), IngestLimits.defaults(), new ByteArrayInputStream(new byte[0]))) {
            s.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void ingestOfTextFiles() {
        LinearTime.assertLinear("ingest (UTF-8 text file)",
                n -> file("a.txt", HostileText.lines(n).getBytes(StandardCharsets.UTF_8)),
                p -> assertThat(readAll(p)).singleElement().isInstanceOf(RawDocument.class));
    }

    @Test
    void ingestOfLegacyEncodedFiles() {
        LegacyVietnamese legacy = new LegacyVietnamese(MODELS, new VietnameseSyllables(MODELS));
        Charset cp1252 = Charset.forName("windows-1252");
        LinearTime.assertLinear("ingest (TCVN3 text file)",
                n -> file("b.txt", legacy.encode(LegacyVietnamese.Encoding.TCVN3, HostileText.line(n)).getBytes(cp1252)),
                p -> assertThat(readAll(p)).singleElement().isInstanceOf(RawDocument.class));
    }

    @Test
    void ingestOfJsonLines() {
        LinearTime.assertLinear("ingest (JSON Lines)", n -> {
            StringBuilder sb = new StringBuilder();
            for (String l : HostileText.lines(n).split("\n")) {
                sb.append("{\"text\":\"").append(l.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"}\n");
            }
            return file("c.jsonl", sb.toString().getBytes(StandardCharsets.UTF_8));
        }, p -> assertThat(readAll(p)).isNotEmpty());
    }

    @Test
    void cleaningText() {
        TextCleaner cleaner = new TextCleaner(RULES);
        LinearTime.assertLinear("clean (text, many lines)", HostileText::lines, t -> cleaner.clean(t));
        LinearTime.assertLinear("clean (text, one line)", HostileText::line, t -> cleaner.clean(t));
    }

    @Test
    void cleaningHtml() {
        HtmlCleaner cleaner = new HtmlCleaner(MODELS, RULES, 512);
        LinearTime.assertLinear("clean (HTML paragraphs)", n -> page(HostileText.lines(n)),
                h -> assertThat(cleaner.clean(h, "https://example.vn/a").article().paragraphs()).isNotEmpty());
        LinearTime.assertLinear("clean (HTML, one 1 MB paragraph)", n -> "<html><body><p>" + HostileText.line(n) + "</p></body></html>",
                h -> cleaner.clean(h, null));
    }

    /** A page: the text's lines as paragraphs, in divs nested one level deeper every 40 lines. */
    static String page(String text) {
        StringBuilder sb = new StringBuilder("<html><head><title>Tin</title></head><body><article>");
        int open = 0;
        int i = 0;
        for (String l : text.split("\n")) {
            if (i++ % 40 == 0) {
                sb.append("<div class=\"c\">");
                open++;
            }
            sb.append("<p>").append(l.replace("<", "&lt;")).append("</p>");
        }
        sb.append("</div>".repeat(open)).append("</article></body></html>");
        return sb.toString();
    }

    @Test
    void textStage() {
        TextStage stage = new TextStage(MODELS, TextStage.DEFAULT_MAX_CHARS * 2, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
        LinearTime.assertLinear("text (one paragraph)", HostileText::line,
                t -> assertThat(analyze(stage, List.of(t)).tokens()).isNotEmpty());
        LinearTime.assertLinear("text (paragraphs)", n -> List.of(HostileText.lines(n).split("\n")),
                t -> assertThat(analyze(stage, t).sentences()).isNotEmpty());
    }

    @Test
    void textNormalizer() {
        TextNormalizer normalizer = new TextNormalizer();
        LinearTime.assertLinear("text normalizer", n -> java.text.Normalizer.normalize(HostileText.line(n), java.text.Normalizer.Form.NFD),
                t -> assertThat(normalizer.normalize(t).text()).isNotEmpty());
    }

    @Test
    void sentenceSplitter() {
        SentenceSplitter splitter = new SentenceSplitter(MODELS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
        LinearTime.assertLinear("sentence splitter", n -> {
            String t = HostileText.line(n);
            return new Object[] {t, simpleTokens(t)};
        }, x -> {
            String t = (String) x[0];
            @SuppressWarnings("unchecked")
            List<Token> tokens = (List<Token>) x[1];
            List<Sentence> out = new ArrayList<>();
            splitter.split(t, tokens, 0, tokens.size(), out);
            assertThat(out).isNotEmpty();
        });
    }

    /** Tokens as the tokenizer makes them in the worst case for the splitter: every punctuation mark alone. */
    static List<Token> simpleTokens(String t) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int j = i;
                while (j < t.length() && Character.isLetterOrDigit(t.charAt(j))) {
                    j++;
                }
                out.add(new Token(i, j, Character.isDigit(c) ? TokenKind.NUMBER : TokenKind.WORD));
                i = j;
            } else {
                out.add(new Token(i, i + 1, TokenKind.PUNCT));
                i++;
            }
        }
        return out;
    }

    private static AnalyzedText analyze(TextStage stage, List<String> paragraphs) {
        return stage.analyze(paragraphs, false, new ArrayList<>());
    }
}

package org.vnextract.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.vnextract.Vnextract;
import org.vnextract.ingest.ContentType;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.SourceFormat;
import org.vnextract.ingest.SourceMetadata;
import org.vnextract.record.ArticleRecord;
import org.vnextract.record.RecordJson;

/**
 * The whole library path, {@link Vnextract#process} with every registered extractor, on any
 * HTML or text: a record comes out and serialises to one JSON line, whatever the input.
 *
 * <p>Regression inputs: {@code src/test/resources/fuzz/PipelineFuzzTestInputs/process/}.
 */
class PipelineFuzzTest {
    private static final Vnextract VX = Vnextract.builder().maxChars(20_000).maxHtmlDepth(64).maxSentenceTokens(80).build();
    private static final RecordJson JSON = new RecordJson();

    @FuzzTest(maxDuration = "5m")
    void process(FuzzedDataProvider in) {
        boolean html = in.consumeBoolean();
        String title = in.consumeBoolean() ? in.consumeString(120) : null;
        String content = in.consumeRemainingAsString();
        if (content.isBlank()) {
            return; // Sources never hands out a blank document
        }
        SourceMetadata meta = new SourceMetadata("fuzz", null, title == null || title.isBlank() ? null : title,
                null, null, List.of(), null);
        RawDocument doc = new RawDocument("fuzz", html ? SourceFormat.HTML : SourceFormat.TEXT,
                html ? ContentType.HTML : ContentType.TEXT, content, meta, List.of());
        ArticleRecord r = VX.process(doc);
        String line = JSON.toLine(r);
        assertThat(line).doesNotContain("\n");
    }
}

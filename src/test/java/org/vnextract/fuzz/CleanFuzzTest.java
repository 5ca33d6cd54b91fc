package org.vnextract.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.vnextract.clean.BoilerplateRules;
import org.vnextract.clean.HtmlCleaner;
import org.vnextract.clean.TextCleaner;
import org.vnextract.pipeline.ModelSource;

/**
 * Any HTML or text cleans into an article without an exception; paragraphs are never blank.
 * A small depth limit, so the pruning path is reached.
 *
 * <p>Regression inputs: {@code src/test/resources/fuzz/CleanFuzzTestInputs/{html,text}/}.
 */
class CleanFuzzTest {
    private static final ModelSource MODELS = ModelSource.bundled();
    private static final BoilerplateRules RULES = BoilerplateRules.load(MODELS);
    private static final HtmlCleaner HTML = new HtmlCleaner(MODELS, RULES, 32);
    private static final TextCleaner TEXT = new TextCleaner(RULES);

    @FuzzTest(maxDuration = "5m")
    void html(FuzzedDataProvider in) {
        String uri = in.consumeBoolean() ? "https://baochinhphu.vn/" + in.consumeString(40) : null;
        TextCleaner.Result r = HTML.clean(in.consumeRemainingAsString(), uri);
        assertThat(r.article().paragraphs()).allSatisfy(p -> assertThat(p).isNotBlank());
    }

    @FuzzTest(maxDuration = "5m")
    void text(FuzzedDataProvider in) {
        TextCleaner.Result r = TEXT.clean(in.consumeRemainingAsString());
        assertThat(r.article().paragraphs()).allSatisfy(p -> assertThat(p).isNotBlank());
    }
}

package org.vnextract.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineTest {
    static final Key<String> A = Key.of("a", String.class);
    static final Key<Integer> B = Key.of("b", Integer.class);
    static final Key<Integer> C = Key.of("c", Integer.class);

    record Step(String name, Set<Key<?>> requires, Set<Key<?>> provides, java.util.function.UnaryOperator<Analysis> f)
            implements Stage {
        @Override
        public Analysis process(Analysis in) {
            return f.apply(in);
        }
    }

    private static final Stage LENGTH = new Step("length", Set.of(A), Set.of(B), a -> a.with(B, a.get(A).length()));
    private static final Stage DOUBLE = new Step("double", Set.of(B), Set.of(C), a -> a.with(C, a.get(B) * 2));

    @Test
    void runsStagesInOrder() {
        Pipeline p = Pipeline.builder().input(A).add(LENGTH).add(DOUBLE).build();
        Analysis out = p.process(Analysis.of(A, "abcd"));
        assertThat(out.get(C)).isEqualTo(8);
        assertThat(out.get(A)).isEqualTo("abcd");
    }

    @Test
    void processBeforeMakesWhatAStageReads() {
        Pipeline p = Pipeline.builder().input(A).add(LENGTH).add(DOUBLE).build();
        int at = p.indexOf("double");
        assertThat(at).isEqualTo(1);
        assertThat(p.indexOf("none")).isEqualTo(-1);
        Analysis before = p.processBefore(Analysis.of(A, "abc"), at);
        assertThat(before.get(B)).isEqualTo(3);
        assertThat(before.has(C)).isFalse();
        assertThat(p.stages().get(at).process(before).get(C)).isEqualTo(6);
        assertThatThrownBy(() -> p.processBefore(Analysis.of(A, "abc"), 3)).hasMessageContaining("'end'");
    }

    @Test
    void missingPrerequisiteFailsAtBuildNamingStageAndKey() {
        assertThatThrownBy(() -> Pipeline.builder().input(A).add(DOUBLE).add(LENGTH).build())
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("stage 'double' requires 'b'");
    }

    @Test
    void keyProvidedTwiceFailsAtBuild() {
        assertThatThrownBy(() -> Pipeline.builder().input(A).add(LENGTH).add(LENGTH).build())
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("provides 'b', which an earlier stage already provides");
    }

    @Test
    void analysisIsImmutableAndWarningsAreCapped() {
        Analysis a = Analysis.of(A, "x");
        Analysis b = a.with(B, 1);
        assertThat(a.has(B)).isFalse();
        assertThat(b.has(B)).isTrue();
        Analysis w = a;
        for (int i = 0; i < Analysis.MAX_WARNINGS + 7; i++) {
            w = w.withWarning("w" + i);
        }
        assertThat(w.warnings()).hasSize(Analysis.MAX_WARNINGS + 1);
        assertThat(w.warnings().get(Analysis.MAX_WARNINGS)).contains("7 more warnings");
        assertThat(a.warnings()).isEmpty();
    }

    @Test
    void programmerErrorsNameTheParameter() {
        assertThatThrownBy(() -> Analysis.of(A, null)).hasMessageContaining("'value'");
        assertThatThrownBy(() -> Pipeline.builder().add(null)).hasMessageContaining("'stage'");
    }
}

package org.vnextract.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vnextract.Vnextract;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.Pipeline;
import org.vnextract.pipeline.Stage;

/** The pipeline is assembled from what the chosen extractors need (issue 13). */
class PipelineAssemblyTest {
    static List<String> stageNames(Set<String> extractors) {
        return Vnextract.builder().extractors(extractors).build().pipeline().stages().stream().map(Stage::name).toList();
    }

    @Test
    void theSegmenterRunsOnlyWhenAnExtractorReadsWords() {
        assertThat(stageNames(Set.of("dates"))).containsExactly("clean", "text", "dates");
        // officials reads the article's one token view, built once after the words, and the entity
        // tagger's names, which decide its short organisations (issue 13)
        assertThat(stageNames(Set.of("officials"))).containsExactly("clean", "text", "segment", "tokens", "entities", "officials");
        assertThat(stageNames(Set.of())).contains("segment");
    }

    /** The entity tagger's stage is assembled only when a consumer requires it (issue 13). */
    @Test
    void theTaggerRunsOnlyWhenAnExtractorReadsItsNames() {
        assertThat(stageNames(Set.of("documents", "relations", "dates", "counts", "places"))).doesNotContain("entities");
        assertThat(Vnextract.builder().extractors(Set.of("officials")).officialsEntities(false).build().pipeline().stages()
                .stream().map(Stage::name).toList()).containsExactly("clean", "text", "segment", "tokens", "officials");
    }

    /** Counts reads the dates and periods: asking for counts runs dates, before it (issue 13). */
    @Test
    void countsBringsTheDatesExtractorBeforeIt() {
        assertThat(stageNames(Set.of("counts"))).containsExactly("clean", "text", "segment", "dates", "counts");
        assertThat(stageNames(Set.of("counts", "dates"))).containsExactly("clean", "text", "segment", "dates", "counts");
    }

    /** A stage that needs another's key comes after it, whatever order it was given in. */
    @Test
    void stagesComeAfterWhatTheyRead() {
        Key<String> a = Key.of("a", String.class);
        Key<String> b = Key.of("b", String.class);
        Key<String> in = Key.of("in", String.class);
        Stage needsA = stage("needsA", Set.of(a), Set.of(b));
        Stage makesA = stage("makesA", Set.of(in), Set.of(a));
        Pipeline p = Pipeline.builder().input(in).addInDependencyOrder(List.of(needsA, makesA)).build();
        assertThat(p.stages()).containsExactly(makesA, needsA);
    }

    private static Stage stage(String name, Set<Key<?>> requires, Set<Key<?>> provides) {
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<Key<?>> requires() {
                return requires;
            }

            @Override
            public Set<Key<?>> provides() {
                return provides;
            }

            @Override
            public Analysis process(Analysis x) {
                return x;
            }
        };
    }
}

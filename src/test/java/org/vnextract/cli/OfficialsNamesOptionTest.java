package org.vnextract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --officials-names} picks where officials' names come from, per run and through the CLI
 * (it used to be a JVM system property, global to every pipeline of the JVM).
 */
class OfficialsNamesOptionTest {
    private static final String SEEDS = "corpus/seeds";
    private static final String SEEDS_GOLD = "corpus/seeds/gold";

    private static String officialsLine(Cli r) {
        return r.out().lines().filter(l -> l.startsWith("officials.name ")).findFirst().orElseThrow();
    }

    @Test
    void theModelAloneGivesOtherOfficialsThanTheRules() throws Exception {
        Cli rules = Cli.run("extract", "--extractors=officials", SEEDS);
        Cli model = Cli.run("extract", "--extractors=officials", "--officials-names=model", SEEDS);
        assertThat(rules.exit()).as(rules.err()).isZero();
        assertThat(model.exit()).as(model.err()).isZero();
        List<JsonNode> a = EndToEndTest.parse(rules.out());
        List<JsonNode> b = EndToEndTest.parse(model.out());
        assertThat(b).hasSameSizeAs(a);
        b.forEach(RecordShape::assertValid);
        // same articles, other officials: the name source really changed
        assertThat(b.stream().map(n -> n.get("officials")).toList())
                .isNotEqualTo(a.stream().map(n -> n.get("officials")).toList());
    }

    @Test
    void theDefaultIsTheRules() {
        Cli dflt = Cli.run("extract", "--extractors=officials", SEEDS);
        Cli rules = Cli.run("extract", "--extractors=officials", "--officials-names=rules", SEEDS);
        assertThat(dflt.exit()).as(dflt.err()).isZero();
        assertThat(rules.out()).isEqualTo(dflt.out());
    }

    @Test
    void evalRunsWithEachNameSourceAndScoresThemApart() {
        Cli rules = Cli.run("eval", "--extractors=officials", "--gold", SEEDS_GOLD, SEEDS);
        Cli both = Cli.run("eval", "--extractors=officials", "--officials-names=both", "--gold", SEEDS_GOLD, SEEDS);
        Cli model = Cli.run("eval", "--extractors=officials", "--officials-names=MODEL", "--gold", SEEDS_GOLD, SEEDS);
        assertThat(rules.exit()).as(rules.err()).isZero();
        assertThat(both.exit()).as(both.err()).isZero();
        assertThat(model.exit()).as(model.err()).isZero();
        assertThat(officialsLine(both)).startsWith("officials.name");
        assertThat(officialsLine(model)).isNotEqualTo(officialsLine(rules));
    }

    @Test
    void anUnknownSourceIsAUsageError() {
        Cli r = Cli.run("extract", "--officials-names=oracle", SEEDS);
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--officials-names");
    }
}

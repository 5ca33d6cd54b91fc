package org.vnextract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code main} builds only the command named by the first argument: each such command line shows
 * the same usage, qualified name and version as the whole tree does, and anything else (no
 * command, {@code help}, an unknown word) gets the whole tree.
 */
class OneCommandLineTest {
    @Test
    void eachCommandAloneReadsAsInTheWholeTree() {
        Map<String, CommandLine> all = Main.commandLine().getSubcommands();
        assertThat(all).hasSizeGreaterThan(10);
        for (Map.Entry<String, CommandLine> e : all.entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            CommandLine one = Main.commandLine(new String[] {e.getKey(), "--help"});
            assertThat(one.getSubcommands()).containsOnlyKeys(e.getKey());
            CommandLine sub = one.getSubcommands().get(e.getKey());
            assertThat(sub.getUsageMessage()).as(e.getKey()).isEqualTo(e.getValue().getUsageMessage());
            assertThat(sub.getCommandSpec().qualifiedName()).isEqualTo("vnextract " + e.getKey());
            assertThat(one.getCommandSpec().version()).isEqualTo(Main.commandLine().getCommandSpec().version());
        }
    }

    @Test
    void withoutACommandTheWholeTree() {
        int all = Main.commandLine().getSubcommands().size();
        assertThat(Main.commandLine(new String[0]).getSubcommands()).hasSize(all);
        assertThat(Main.commandLine(new String[] {"help", "segment"}).getSubcommands()).hasSize(all);
        assertThat(Main.commandLine(new String[] {"--version"}).getSubcommands()).hasSize(all);
        assertThat(Main.commandLine(new String[] {"segmnt"}).getSubcommands()).hasSize(all);
    }
}

package org.vnextract.cli;

import picocli.CommandLine.Option;

/**
 * The verbosity options of every command ({@code -v}, {@code -q}), as a picocli mixin. Error lines
 * about rejected sources are printed whatever the verbosity: they are the output users act on.
 *
 * <p>Not thread-safe (set once by picocli before the command runs).
 */
public final class Verbosity {
    private boolean[] verbose = new boolean[0];

    @Option(names = {"-v", "--verbose"}, description = "Say more: -v prints a summary and timing, -vv stack traces of internal errors.")
    void setVerbose(boolean[] v) {
        this.verbose = v;
    }

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    public int level() {
        return quiet ? -1 : verbose.length;
    }

    /** The verbosity of a command that has these options, 0 for one that has not. */
    static int levelOf(picocli.CommandLine cl) {
        for (picocli.CommandLine.Model.CommandSpec m : cl.getCommandSpec().mixins().values()) {
            if (m.userObject() instanceof Verbosity v) {
                return v.level();
            }
        }
        return 0;
    }
}

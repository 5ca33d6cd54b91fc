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
}

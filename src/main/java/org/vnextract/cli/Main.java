package org.vnextract.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vnextract} command. Each subcommand returns its exit code: 0 when every input was
 * processed, 2 for a usage error, 3 when some inputs were rejected (the others still written),
 * 1 when the run itself failed (output not writable, models missing).
 */
@Command(name = "vnextract",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Officials, documents, dates and counts from Vietnamese political news.",
        subcommands = {
                ExtractCommand.class,
                EvalCommand.class,
                BenchCommand.class,
                LoadCommand.class,
                LookupCommand.class,
                SearchCommand.class,
                ExportCommand.class,
                StatsCommand.class,
                ServeCommand.class,
                SegmentCommand.class,
                EvalSegmentCommand.class,
                TrainNerCommand.class,
                TrainSegmentLexiconCommand.class,
                DerivePlacesCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /**
     * The command line with UTF-8 output and error streams whatever the platform's default charset
     * (Java 17 follows the locale, and CI machines often have none): records and error lines carry
     * Vietnamese text.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true));
        cl.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}

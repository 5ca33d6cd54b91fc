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
                EvalNerCommand.class,
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
     * Vietnamese text. Every command fails the same way: a usage error is one line pointing to the
     * command's {@code --help} (exit 2); any other failure is one line {@code vnextract: SOURCE: REASON}
     * ({@link Failure}) with its exit code; stack traces only with {@code -vv}, and then always. Output
     * that could not be written (a full disk, a closed pipe) fails the run whatever the command.
     */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Main()));
    }

    /**
     * The command line for these arguments: when the first names a command, only that command is
     * built under the root (picocli reads every command's options by reflection when it builds
     * them, a large part of the start-up of a short run such as {@code segment} on one file);
     * otherwise, and for {@code help}, the whole tree.
     */
    static CommandLine commandLine(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : Main.class.getAnnotation(Command.class).subcommands()) {
                Command sub = c.getAnnotation(Command.class);
                if (c != CommandLine.HelpCommand.class && sub != null && sub.name().equals(args[0])) {
                    CommandLine cl = new CommandLine(new Root());
                    cl.addSubcommand(sub.name(), new CommandLine(c));
                    return configure(cl);
                }
            }
        }
        return commandLine();
    }

    /** The root of a command line built for one command: Main's name, version and help, no other command. */
    @Command(name = "vnextract", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Officials, documents, dates and counts from Vietnamese political news.")
    static final class Root implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
        }
    }

    private static CommandLine configure(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(StandardOutput.open());
        cl.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler(Main::failed);
        cl.setExecutionStrategy(Main::executeAndCheckOutput);
        return cl;
    }

    /** Runs the command, then makes sure what it printed reached standard output. */
    private static int executeAndCheckOutput(CommandLine.ParseResult parsed) {
        int code = new CommandLine.RunLast().execute(parsed);
        CommandLine cl = parsed.commandSpec().commandLine();
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
            cl = parsed.commandSpec().commandLine();
        }
        try {
            StandardOutput.check(cl.getOut());
        } catch (java.io.IOException e) {
            return failed(new Failure(ExitCodes.FAILED, "standard output", e.getMessage(), e), cl, parsed);
        }
        return code;
    }

    /** One line and a pointer to the command's help, instead of the whole help. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        java.io.PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        String command = cl.getCommandSpec().name();
        err.println(ErrorLine.of(command.equals("vnextract") ? null : command, e.getMessage())
                + " (see '" + name + " --help')");
        if (Verbosity.levelOf(cl) >= 2) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** Every other failure: one line, the stack trace under -vv, the failure's exit code. */
    private static int failed(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        Throwable t = e instanceof CommandLine.ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof CommandLine.ParameterException pe) {
            return usageError(pe, new String[0]);
        }
        Failure f = Failure.of(t);
        if (f.exitCode() == ExitCodes.USAGE) {
            return usageError(new CommandLine.ParameterException(cl, f.getMessage(), f), new String[0]);
        }
        java.io.PrintWriter err = cl.getErr();
        err.println(f.line());
        if (Verbosity.levelOf(cl) >= 2) {
            t.printStackTrace(err);
        }
        err.flush();
        return f.exitCode();
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }
}

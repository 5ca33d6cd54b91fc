package org.vnextract.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.vnextract.extract.places.GazetteerDeriver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vnextract derive-places}: writes the places gazetteer ({@code models/places/units.tsv})
 * from the shared admin-unit files with {@link GazetteerDeriver}, so that the shipped file can be
 * rebuilt, and checked, from its source.
 *
 * <p>Not thread-safe (filled by picocli).
 */
@Command(name = "derive-places", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Derive models/places/units.tsv from the admin-unit files (before and after July 2025).")
public final class DerivePlacesCommand implements Callable<Integer> {
    static final String DEFAULT_DIR = "../shared/data/admin-units";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "The admin-unit folder. Default: " + DEFAULT_DIR)
    Path dir;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The gazetteer file to write.")
    Path output;

    @Override
    public Integer call() throws Exception {
        Path d = dir != null ? dir : Path.of(DEFAULT_DIR);
        if (!Files.isRegularFile(d.resolve(GazetteerDeriver.PRE))) {
            spec.commandLine().getErr().println("vnextract: " + d + ": no " + GazetteerDeriver.PRE + " there");
            return ExitCodes.USAGE;
        }
        String text = GazetteerDeriver.derive(d);
        Path tmp = output.resolveSibling(output.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getOut().println(output + ": " + text.lines().filter(l -> !l.startsWith("#")).count() + " units from " + d);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

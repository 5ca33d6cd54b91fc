package org.vnextract.cli;

import org.vnextract.store.Database;
import picocli.CommandLine.Option;

/**
 * The {@code --db} option of the commands that read or load the store, as a picocli mixin, so its
 * default and help text are stated once. Not thread-safe (filled by picocli).
 */
public final class DatabaseOption {
    @Option(names = "--db", paramLabel = "URL",
            description = "SQLite file or JDBC URL (jdbc:postgresql://HOST/DB?user=…). Default: $VNEXTRACT_DB, else vnextract.db.")
    String db = Database.defaultLocation();

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    /** The database named, or a usage error (exit 2) for a URL of a database the store does not speak. */
    public Database database() {
        try {
            return Database.of(db);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(mixee.commandLine(), "--db: " + e.getMessage().replaceFirst("^'db' ", ""));
        }
    }
}

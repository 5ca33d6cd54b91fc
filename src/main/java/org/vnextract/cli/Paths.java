package org.vnextract.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Path arguments as users type them, turned into {@link Path}s without letting an unencodable name
 * (a non-ASCII name under {@code LC_ALL=C}) escape as an {@link InvalidPathException}.
 *
 * <p>Stateless; thread-safe.
 */
final class Paths {
    private Paths() {}

    /** Why a name cannot be used: the JVM encodes file names in the locale's charset. */
    static String unencodable() {
        return org.vnextract.ingest.Sources.unencodableName();
    }

    /** The path, or a usage failure naming the option. */
    static Path of(String value, String option) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new Failure(ExitCodes.USAGE, value, option + ": " + unencodable(), e);
        }
    }
}

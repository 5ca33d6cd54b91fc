package org.vnextract.testenv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.opentest4j.TestAbortedException;

/**
 * What a test needs beyond the repository, asked for in one way by every test: a folder of the
 * shared data beside the repository ({@code ../shared}: the dev corpus and gold, the bulk corpora,
 * the reference scorer, the treebank) or something installed on the machine (PostgreSQL, Chromium,
 * python3). When it is there the test goes on; when it is not, the test is skipped (aborted) with a
 * message that starts with {@link #MARK} and names what is missing, and {@link NeedsReport} prints
 * one line for it, lists all of them at the end of the run and writes them to {@link NeedsReport#FILE}.
 *
 * <p>Where skipping would hide a gap, it fails instead: with {@code VNEXTRACT_REQUIRE_SHARED=1} (or
 * {@code CI=true}) a missing shared folder fails the test; with {@code VNEXTRACT_REQUIRE_SERVICES=1}
 * a missing service does. {@code .ci/run} sets both.
 *
 * <p>Stateless; thread-safe.
 */
public final class Needs {
    /** The shared data folder, as CI lays it out: beside the repository. */
    public static final Path SHARED = Path.of("..", "shared");
    /** Every skip message of this class starts with this. */
    public static final String MARK = "needs ";
    public static final String REQUIRE_SHARED = "VNEXTRACT_REQUIRE_SHARED";
    public static final String REQUIRE_SERVICES = "VNEXTRACT_REQUIRE_SERVICES";

    private Needs() {}

    /**
     * {@code ../shared/<relative>} (a folder or a file), or the test stops here: skipped when the
     * shared data is optional, failed when it is required.
     */
    public static Path shared(String relative) {
        return shared(SHARED, relative, System.getenv());
    }

    static Path shared(Path root, String relative, Map<String, String> env) {
        Path p = root.resolve(relative);
        if (!Files.exists(p)) {
            missing(root.normalize() + "/" + relative + ", which is absent (the shared data folder beside the repository)",
                    requireShared(env), REQUIRE_SHARED + "=1 or CI=true");
        }
        return p;
    }

    /** Goes on when {@code present}; otherwise skips the test, or fails it when services are required. */
    public static void service(boolean present, String what) {
        service(present, what, System.getenv());
    }

    static void service(boolean present, String what, Map<String, String> env) {
        if (!present) {
            missing(what, requireServices(env), REQUIRE_SERVICES + "=1");
        }
    }

    static boolean requireShared(Map<String, String> env) {
        return yes(env.get(REQUIRE_SHARED)) || yes(env.get("CI"));
    }

    static boolean requireServices(Map<String, String> env) {
        return yes(env.get(REQUIRE_SERVICES));
    }

    private static boolean yes(String v) {
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
    }

    private static void missing(String what, boolean required, String flag) {
        if (required) {
            throw new AssertionError(MARK + what + "; it is required here (" + flag + "), so the test fails instead of skipping");
        }
        throw new TestAbortedException(MARK + what);
    }
}

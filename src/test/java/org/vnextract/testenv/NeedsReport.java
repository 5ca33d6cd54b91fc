package org.vnextract.testenv;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Reports the tests {@link Needs} skipped: one line as each is skipped, the list at the end of the
 * run, and the same lines appended to {@link #FILE} (which {@code .ci/run} deletes before the build
 * and requires to be absent after it). Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}, so every test JVM
 * surefire starts has one.
 *
 * <p>Not thread-safe by itself; the JUnit launcher calls it from one thread at a time (tests run
 * sequentially here).
 */
public final class NeedsReport implements TestExecutionListener {
    /** The skipped tests of every run since {@code .ci/run} last cleared it, one per line. */
    public static final Path FILE = Path.of("target", "skipped-needs.txt");
    private static final String PREFIX = "vnextract tests: ";

    private final List<String> skipped = new ArrayList<>();
    private final PrintStream out = System.out;

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.ABORTED) {
            return;
        }
        Optional<Throwable> t = result.getThrowable();
        String message = t.map(Throwable::getMessage).orElse(null);
        if (message != null && message.startsWith(Needs.MARK)) {
            String line = name(id) + ": " + message;
            skipped.add(line);
            out.println(PREFIX + "SKIPPED " + line);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (skipped.isEmpty()) {
            return;
        }
        out.println(PREFIX + skipped.size() + (skipped.size() == 1 ? " test was" : " tests were")
                + " skipped for what this machine lacks (see README, \"What a fresh clone needs\"):");
        for (String s : skipped) {
            out.println("  " + s);
        }
        try {
            Files.createDirectories(FILE.getParent());
            Files.write(FILE, skipped, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }

    /** {@code Class#method} (with the invocation's name for parameterised tests), or {@code Class}. */
    static String name(TestIdentifier id) {
        Optional<TestSource> s = id.getSource();
        if (s.isPresent() && s.get() instanceof MethodSource m) {
            String cls = m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1);
            String n = cls + "#" + m.getMethodName();
            return id.getDisplayName().startsWith("[") ? n + " " + id.getDisplayName() : n;
        }
        if (s.isPresent() && s.get() instanceof ClassSource c) {
            return c.getClassName().substring(c.getClassName().lastIndexOf('.') + 1);
        }
        return id.getDisplayName();
    }
}

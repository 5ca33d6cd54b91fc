package org.vnextract.store;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Says, at the end of every test run, that the PostgreSQL cases did not run when no server was
 * configured (issue 14: `./mvnw verify` used to skip them without a word). Registered through
 * {@code META-INF/services}, so every surefire execution that runs store tests prints it once.
 *
 * <p>Not thread-safe: JUnit calls it from one thread.
 */
public final class SkippedServicesNotice implements TestExecutionListener {
    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        boolean storeTests = plan.getRoots().stream().flatMap(r -> plan.getDescendants(r).stream())
                .anyMatch(t -> t.getUniqueId().contains("org.vnextract.store.") || t.getUniqueId().contains("ExtractToDatabaseTest"));
        if (storeTests && TestStores.pgUrl() == null) {
            System.out.println("[WARNING] PostgreSQL tests SKIPPED: " + TestStores.PG_ENV + " is not set."
                    + " Run `source .ci/services.sh` (starts a local PostgreSQL and sets it), then ./mvnw verify again.");
        }
    }
}

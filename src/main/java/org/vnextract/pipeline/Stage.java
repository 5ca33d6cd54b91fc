package org.vnextract.pipeline;

import java.util.Set;

/**
 * One step of the pipeline. A stage declares the keys it needs and the keys it adds; {@link
 * Pipeline.Builder#build()} checks that every requirement is provided by an earlier stage, so a
 * misconfigured pipeline fails at start-up rather than on the first article (CoreNLP's
 * {@code Annotator.requires()}).
 *
 * <p>Implementations must be thread-safe after construction: one instance serves every worker.
 * Problems with the input become warnings on the returned {@link Analysis}; exceptions are for bugs.
 */
public interface Stage {
    /** A short name for logs, benchmarks and error messages. */
    String name();

    Set<Key<?>> requires();

    Set<Key<?>> provides();

    Analysis process(Analysis in);
}

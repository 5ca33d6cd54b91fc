package org.vnextract.spark;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vnextract.Vnextract;
import org.vnextract.extract.officials.OfficialRules;
import org.vnextract.ingest.IngestLimits;
import org.vnextract.internal.Validate;

/**
 * What an executor needs to build the pipeline (the options, which are small and serializable),
 * and the pipeline itself once built (transient, so never shipped).
 *
 * <p>Why a broadcast holder and not a static: the project allows no static mutable state and no
 * lazy singletons. The job broadcasts one {@code PipelineFactory}; Spark deserializes a broadcast
 * value once per executor JVM and hands that same object to every task of the executor (it is kept
 * in the executor's block manager), so {@link #pipeline()} builds the {@link Vnextract} once per
 * executor JVM, on first use, and every partition after that shares it ({@code Vnextract} is
 * immutable and thread-safe, so concurrent tasks of one executor may use it together). Should the
 * block manager drop the broadcast under memory pressure, Spark reads it again and the pipeline is
 * built again: slower, never wrong. Building per partition instead would load every model again
 * for each of possibly thousands of tasks.
 *
 * <p>Thread-safe: {@link #pipeline()} builds under the object's lock; the options are immutable.
 */
public final class PipelineFactory implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> extractors;
    private final long maxBytes;
    private final int maxGzipRatio;
    private final boolean lenientUtf8;
    private final OfficialRules.NameSource officialsNames;
    private transient Vnextract built;

    public PipelineFactory(Set<String> extractors, IngestLimits limits, OfficialRules.NameSource officialsNames) {
        this.extractors = List.copyOf(Validate.noNulls(extractors, "extractors"));
        this.officialsNames = Validate.notNull(officialsNames, "officialsNames");
        Validate.notNull(limits, "limits");
        this.maxBytes = limits.maxBytes();
        this.maxGzipRatio = limits.maxGzipRatio();
        this.lenientUtf8 = limits.lenientUtf8();
    }

    /** The pipeline, built on the first call in this JVM's copy of the factory. */
    public synchronized Vnextract pipeline() {
        if (built == null) {
            built = Vnextract.builder().extractors(new LinkedHashSet<>(extractors)).officialsNames(officialsNames).build();
        }
        return built;
    }

    public IngestLimits limits() {
        return new IngestLimits(maxBytes, maxGzipRatio, lenientUtf8);
    }
}

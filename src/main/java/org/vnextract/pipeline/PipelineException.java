package org.vnextract.pipeline;

/** A pipeline that cannot work as configured: a missing prerequisite or model. */
public final class PipelineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PipelineException(String message) {
        super(message);
    }

    public PipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}

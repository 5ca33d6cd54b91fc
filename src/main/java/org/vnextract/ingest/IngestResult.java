package org.vnextract.ingest;

/** What reading one source gives: a document to process, or the reason it was rejected. */
public sealed interface IngestResult permits RawDocument, Rejected {
    /** A display name of the source for messages: a path, or {@code path:LINE} inside JSON Lines. */
    String source();
}

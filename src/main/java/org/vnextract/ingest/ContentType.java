package org.vnextract.ingest;

/** What the decoded content of a {@link RawDocument} is, which decides the cleaner that reads it. */
public enum ContentType {
    TEXT, HTML
}

package org.vnextract.ingest;

import java.util.Locale;

/** How a source was stored; written to {@code source.format} of the record. */
public enum SourceFormat {
    TEXT, HTML, JSONL, WARC;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.vnextract.extract.documents;

import java.util.List;
import java.util.Set;
import org.vnextract.Vnextract;
import org.vnextract.ingest.ContentType;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.SourceFormat;
import org.vnextract.ingest.SourceMetadata;
import org.vnextract.pipeline.Analysis;

/** Runs the standard pipeline with the documents extractor alone over a plain text. */
final class DocumentTestSupport {
    private final Vnextract vx = Vnextract.builder().extractors(Set.of("documents")).build();

    Analysis analyze(String text) {
        RawDocument raw = new RawDocument("test", SourceFormat.TEXT, ContentType.TEXT, text,
                SourceMetadata.of("test", null), List.of());
        return vx.analyze(raw);
    }

    List<DocumentReference> documents(String text) {
        return analyze(text).get(DocumentReference.KEY);
    }
}

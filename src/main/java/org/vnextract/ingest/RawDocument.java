package org.vnextract.ingest;

import java.util.List;
import org.vnextract.internal.Validate;

/**
 * One article's content as read and decoded, before cleaning.
 *
 * @param source      display name for messages (path, or path:line)
 * @param format      how the source was stored
 * @param contentType whether {@code content} is HTML or plain text
 * @param content     the decoded content
 * @param metadata    what the source says about the article
 * @param warnings    problems met while reading (a guessed charset, …), kept in the record
 */
public record RawDocument(String source, SourceFormat format, ContentType contentType, String content,
                          SourceMetadata metadata, List<String> warnings) implements IngestResult {
    public static final org.vnextract.pipeline.Key<RawDocument> KEY = org.vnextract.pipeline.Key.of("raw", RawDocument.class);

    public RawDocument {
        Validate.notEmpty(source, "source");
        Validate.notNull(format, "format");
        Validate.notNull(contentType, "contentType");
        Validate.notNull(content, "content");
        Validate.notNull(metadata, "metadata");
        warnings = List.copyOf(Validate.noNulls(warnings, "warnings"));
    }
}

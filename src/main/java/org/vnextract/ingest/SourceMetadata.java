package org.vnextract.ingest;

import java.util.List;
import org.vnextract.internal.Validate;

/**
 * What the source itself says about an article before any cleaning: the caller's id, URI and,
 * for JSON Lines input, the fields given next to the text. Any field but {@code id} may be null.
 *
 * @param id        the record id: the caller's, else the first 16 hex digits of sha256 of the source bytes
 * @param uri       where the article came from (a URL, or the file path)
 * @param title     a title given by the source
 * @param lead      a lead (sapo) given by the source
 * @param published a publication date given by the source (ISO 8601)
 * @param authors   authors given by the source (never null)
 * @param section   a section given by the source
 */
public record SourceMetadata(String id, String uri, String title, String lead, String published,
                             List<String> authors, String section) {
    public SourceMetadata {
        Validate.notEmpty(id, "id");
        authors = List.copyOf(Validate.noNulls(authors, "authors"));
    }

    public static SourceMetadata of(String id, String uri) {
        return new SourceMetadata(id, uri, null, null, null, List.of(), null);
    }
}

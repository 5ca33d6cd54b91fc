package org.vnextract.clean;

import java.util.List;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Key;

/**
 * An article as the cleaner understood it: title, lead, body paragraphs and metadata, with all
 * page chrome and boilerplate gone. Any field but the lists may be null.
 *
 * @param title      the headline
 * @param lead       the lead (sapo), when the page marks one
 * @param paragraphs body paragraphs in reading order, each one line of text, never blank
 * @param published  ISO 8601 date or date-time of publication ({@code 2023-11-05} or {@code 2023-11-05T13:45:00+07:00})
 * @param authors    bylines (never officials)
 * @param section    the site's section ("Chính trị")
 * @param site       the site's host name ("baogialai.com.vn")
 */
public record Article(String title, String lead, List<String> paragraphs, String published,
                      List<String> authors, String section, String site) {
    public static final Key<Article> KEY = Key.of("article", Article.class);

    public Article {
        paragraphs = List.copyOf(Validate.noNulls(paragraphs, "paragraphs"));
        authors = List.copyOf(Validate.noNulls(authors, "authors"));
    }
}

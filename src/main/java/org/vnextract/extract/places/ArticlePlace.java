package org.vnextract.extract.places;

import org.vnextract.internal.Validate;

/**
 * The one province where the article's events take place (RECORD.md "place"), with the province
 * that covers it after the reform of 1 July 2025.
 *
 * @param name      the province's name ("Gia Lai")
 * @param code      its GSO code in the article's time, or null for a province of earlier times
 * @param afterName the post-reform province covering it, or null when unknown
 * @param afterCode its GSO code, or null
 *
 * <p>Immutable; thread-safe.
 */
public record ArticlePlace(String name, String code, String afterName, String afterCode) {
    public ArticlePlace {
        Validate.notEmpty(name, "name");
    }
}

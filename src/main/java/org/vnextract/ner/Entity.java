package org.vnextract.ner;

/**
 * A name found by an {@link EntityTagger}: tokens {@code [start, end)} of its sentence, its type
 * ("person", "organization", "location") and the tagger's confidence.
 *
 * <p>Immutable; thread-safe.
 */
public record Entity(int start, int end, String type, double prob) {
    public static final String PERSON = "person";
    public static final String ORGANIZATION = "organization";
    public static final String LOCATION = "location";
}

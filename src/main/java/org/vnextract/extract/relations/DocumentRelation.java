package org.vnextract.extract.relations;

import java.util.List;
import org.vnextract.extract.Mention;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Key;

/**
 * What one document of an article does to another, as the text states it (RECORD.md "Relations
 * between documents"): {@code from} implements or amends {@code to}.
 *
 * @param from     the id of the document that carries out or amends ({@code DocumentReference.id})
 * @param type     "implements" or "amends"
 * @param to       the id of the document carried out or amended
 * @param mentions each stretch of text stating the relation
 */
public record DocumentRelation(String from, String type, String to, List<Mention> mentions) {
    public static final Key<List<DocumentRelation>> KEY = Key.listOf("relations");

    public DocumentRelation {
        Validate.notEmpty(from, "from");
        Validate.notEmpty(type, "type");
        Validate.notEmpty(to, "to");
        Validate.isTrue(!from.equals(to), "to", "must differ from 'from' (" + from + ")");
        mentions = List.copyOf(Validate.noNulls(mentions, "mentions"));
    }
}

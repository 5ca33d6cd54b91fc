package org.vnextract.extract.documents;

import java.util.List;
import org.vnextract.extract.Mention;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Key;

/**
 * A party or state document cited by number (RECORD.md "Documents").
 *
 * @param id         canonical symbol ("21-KL/TW", "20/NQ-HĐND"), or {@code number-TYPE} with no issuer known
 * @param type       type code ("KL", "NQ", "QĐi")
 * @param typeName   type name ("Kết luận")
 * @param number     the number as written ("02")
 * @param issuerCode issuer code ("TW", "TU"), or null
 * @param issuer     issuer name as written ("Bộ Chính trị"), else the name its issuer code stands for
 *                   ({@code models/documents/issuers.tsv}), else null
 * @param date       issuing date (ISO), or null
 * @param subject    the "về …" or quoted title, or null
 * @param explicit   false when the id was inferred from a reference without a symbol
 * @param mentions   every place the document is cited, full or short form
 */
public record DocumentReference(String id, String type, String typeName, String number, String issuerCode,
                                String issuer, String date, String subject, boolean explicit,
                                List<Mention> mentions) {
    public static final Key<List<DocumentReference>> KEY = Key.listOf("documents");

    public DocumentReference {
        Validate.notEmpty(id, "id");
        mentions = List.copyOf(Validate.noNulls(mentions, "mentions"));
    }
}

package org.vnextract.extract.officials;

import java.util.List;
import org.vnextract.extract.Mention;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Key;

/**
 * A person named in an official capacity (RECORD.md "Officials"), all mentions merged.
 *
 * @param name      the fullest form used in the article
 * @param titles    every distinct title, in reading order, as written, without the name
 * @param honorific "đồng chí" when used, else null
 * @param mentions  every mention of the person
 */
public record Official(String name, List<String> titles, String honorific, List<Mention> mentions) {
    public static final Key<List<Official>> KEY = Key.listOf("officials");

    public Official {
        Validate.notEmpty(name, "name");
        titles = List.copyOf(Validate.noNulls(titles, "titles"));
        mentions = List.copyOf(Validate.noNulls(mentions, "mentions"));
    }
}

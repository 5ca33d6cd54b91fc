package org.vnextract.extract.officials;

import java.util.List;
import org.vnextract.extract.Mention;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Key;

/** An organisation named in the article ("Ban Thường vụ Huyện ủy Chư Prông"). */
public record Organization(String name, List<Mention> mentions) {
    public static final Key<List<Organization>> KEY = Key.listOf("organizations");

    public Organization {
        Validate.notEmpty(name, "name");
        mentions = List.copyOf(Validate.noNulls(mentions, "mentions"));
    }
}

package org.vnextract.extract.officials;

import java.util.List;
import org.vnextract.extract.Mention;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Key;

/** A place named in the article ("Chư Prông", kind "huyện"). */
public record Location(String name, String kind, List<Mention> mentions) {
    public static final Key<List<Location>> KEY = Key.listOf("locations");

    public Location {
        Validate.notEmpty(name, "name");
        mentions = List.copyOf(Validate.noNulls(mentions, "mentions"));
    }
}

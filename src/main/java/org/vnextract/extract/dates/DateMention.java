package org.vnextract.extract.dates;

import java.util.List;
import org.vnextract.extract.Mention;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Key;

/**
 * A date named in the article (RECORD.md "Dates"): one entry per distinct value.
 *
 * @param value       ISO 8601 ("2021-06-28", "2023-05", "XXXX-06-29")
 * @param granularity "day", "month" or "year"
 * @param text        the date as first written ("28-6-2021")
 * @param mentions    every occurrence ("ngày 28-6-2021")
 */
public record DateMention(String value, String granularity, String text, List<Mention> mentions) {
    public static final Key<List<DateMention>> KEY = Key.listOf("dates");

    public DateMention {
        Validate.notEmpty(value, "value");
        Validate.notEmpty(granularity, "granularity");
        mentions = List.copyOf(Validate.noNulls(mentions, "mentions"));
    }
}

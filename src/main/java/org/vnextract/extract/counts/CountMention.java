package org.vnextract.extract.counts;

import java.math.BigDecimal;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Key;

/**
 * A cardinal number with the thing it counts (RECORD.md "Counts"). Values are exact decimals:
 * "5,8 tỷ đồng" is 5800000000, "3,5%" is 3.5.
 *
 * @param value     the number
 * @param unit      the counted noun phrase as written ("đảng viên", "%", "đồng")
 * @param total     the denominator of a ratio ("224/274"), or null
 * @param valueMax  the upper end of a range ("50-75 triệu"), or null
 * @param qualifier "hơn", "trên", "gần", "khoảng", …, or null
 * @param text      as written ("4.595 đảng viên")
 * @param start     {@code char} start in the article text
 * @param end       {@code char} end in the article text
 */
public record CountMention(BigDecimal value, String unit, BigDecimal total, BigDecimal valueMax, String qualifier,
                           String text, int start, int end) {
    public static final Key<java.util.List<CountMention>> KEY = Key.listOf("counts");

    public CountMention {
        Validate.notNull(value, "value");
        Validate.notNull(text, "text");
        Validate.isTrue(start >= 0 && end - start == text.length(), "start/end", "must span the text");
    }
}

package org.vnextract.extract.dates;

import java.util.List;
import org.vnextract.extract.Mention;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Key;

/**
 * A period ("nhiệm kỳ 2020-2025", "giai đoạn 2016-2020", "quý I/2024", "6 tháng đầu năm 2022").
 *
 * @param text     as written
 * @param kind     "nhiệm kỳ", "giai đoạn", "quý", "năm", …
 * @param start    ISO start ("2020", "2024-01")
 * @param end      ISO end ("2025", "2024-03")
 * @param mentions where it is written
 */
public record Period(String text, String kind, String start, String end, List<Mention> mentions) {
    public static final Key<List<Period>> KEY = Key.listOf("periods");

    public Period {
        Validate.notEmpty(text, "text");
        mentions = List.copyOf(Validate.noNulls(mentions, "mentions"));
    }
}

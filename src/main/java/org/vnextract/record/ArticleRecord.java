package org.vnextract.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The article record of {@code spec/RECORD.md}, field for field: the only place that knows the
 * JSON shape. Offsets here are code points into {@code article.text}.
 */
@JsonPropertyOrder({"schema", "id", "source", "article", "officials", "documents", "dates", "counts", "periods",
        "relations", "organizations", "locations", "place", "provenance"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ArticleRecord(String schema, String id, Source source, Article article, List<Official> officials,
                            List<Document> documents, List<DateEntry> dates, List<Count> counts,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<Period> periods,
                            List<Relation> relations,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<Organization> organizations,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<Location> locations,
                            Place place, Provenance provenance) {
    public static final String SCHEMA = "vnextract.record/1";

    /** A record without a place (the places extractor not run, or no place found). */
    public ArticleRecord(String schema, String id, Source source, Article article, List<Official> officials,
                         List<Document> documents, List<DateEntry> dates, List<Count> counts, List<Period> periods,
                         List<Relation> relations, List<Organization> organizations, List<Location> locations,
                         Provenance provenance) {
        this(schema, id, source, article, officials, documents, dates, counts, periods, relations, organizations,
                locations, null, provenance);
    }

    @JsonPropertyOrder({"uri", "site", "format"})
    public record Source(String uri, String site, String format) {}

    @JsonPropertyOrder({"title", "lead", "published", "authors", "section", "text"})
    public record Article(String title, String lead, String published, List<String> authors, String section,
                          String text) {}

    @JsonPropertyOrder({"from", "type", "to", "mentions"})
    public record Relation(String from, String type, String to, List<Mention> mentions) {}

    @JsonPropertyOrder({"start", "end", "text"})
    public record Mention(int start, int end, String text) {}

    @JsonPropertyOrder({"name", "titles", "honorific", "mentions"})
    public record Official(String name, List<String> titles, String honorific, List<Mention> mentions) {}

    @JsonPropertyOrder({"id", "type", "type_name", "number", "issuer_code", "issuer", "date", "subject", "explicit",
            "place", "mentions"})
    public record Document(String id, String type, @JsonProperty("type_name") String typeName, String number,
                           @JsonProperty("issuer_code") String issuerCode, String issuer, String date, String subject,
                           boolean explicit, @JsonInclude(JsonInclude.Include.NON_NULL) ProvinceRef place,
                           List<Mention> mentions) {
        /** A document without a scoping province. */
        public Document(String id, String type, String typeName, String number, String issuerCode, String issuer,
                        String date, String subject, boolean explicit, List<Mention> mentions) {
            this(id, type, typeName, number, issuerCode, issuer, date, subject, explicit, null, mentions);
        }
    }

    /** A province by name and GSO code (the one that scopes a local document's symbol, or the covering unit after 2025). */
    @JsonPropertyOrder({"name", "code"})
    public record ProvinceRef(String name, String code) {}

    /** The article's place (RECORD.md "place"). */
    @JsonPropertyOrder({"name", "code", "after_2025_07"})
    public record Place(String name, String code, @JsonProperty("after_2025_07") ProvinceRef after) {}

    @JsonPropertyOrder({"value", "granularity", "text", "mentions"})
    public record DateEntry(String value, String granularity, String text, List<Mention> mentions) {}

    @JsonPropertyOrder({"value", "unit", "total", "value_max", "qualifier", "text", "start", "end"})
    public record Count(BigDecimal value, String unit, BigDecimal total, @JsonProperty("value_max") BigDecimal valueMax,
                        String qualifier, String text, int start, int end) {}

    @JsonPropertyOrder({"text", "kind", "start", "end", "mentions"})
    public record Period(String text, String kind, String start, String end, List<Mention> mentions) {}

    @JsonPropertyOrder({"name", "mentions"})
    public record Organization(String name, List<Mention> mentions) {}

    @JsonPropertyOrder({"name", "kind", "mentions"})
    public record Location(String name, String kind, List<Mention> mentions) {}

    @JsonPropertyOrder({"extractor", "models", "warnings"})
    public record Provenance(String extractor, Map<String, String> models, List<String> warnings) {}
}

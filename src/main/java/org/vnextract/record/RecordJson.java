package org.vnextract.record;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.vnextract.internal.Validate;

/**
 * JSON (de)serialisation of {@link ArticleRecord}: one compact line per record, numbers written
 * plainly ("5800000000", never "5.8E+9"), non-ASCII written as UTF-8 text.
 *
 * <p>Immutable; thread-safe (Jackson mappers are, once configured).
 */
public final class RecordJson {
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String toLine(ArticleRecord r) {
        Validate.notNull(r, "r");
        try {
            return mapper.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record could not be written as JSON: " + e.getMessage(), e);
        }
    }

    public ArticleRecord fromLine(String line) throws JsonProcessingException {
        Validate.notNull(line, "line");
        return mapper.readValue(line, ArticleRecord.class);
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}

package org.vnextract.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vnextract.pipeline.ModelSource;

class DocumentKeyTest {
    private final DocumentKey keys = new DocumentKey(ModelSource.bundled());

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "21-KL/TW;21|KL|TW|",
            "021-KL/TW;21|KL|TW|",
            "20/NQ-HĐND;20|NQ|HĐND|",
            "100/2019/NĐ-CP;100|NĐ|CP|2019",
            "16-ĐA/TU;16|ĐA|TU|",
            "03- CT/HU;3|CT|HU|",
            "85/2014/QH13;85||QH-13|2014",
            "01-QĐi/TW;1|QĐI|TW|"})
    void storedSymbols(String id, String key) {
        assertThat(keys.parseSymbol(id).key()).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "21 KL TW;21|KL|TW|",
            "KL21/TW;21|KL|TW|",
            "kết luận 21;21|KL||",
            "Kết luận số 21-KL/TW;21|KL|TW|",
            "nghi quyet so 02-nq/tu;2|NQ|TU|",
            "Quy định 37;37|QĐI||",
            "quyết định 37;37|QĐ||",
            "Đề án số 16 ĐA TU;16|ĐA|TU|",
            "thông báo kết luận 12;12|TB||"})
    void typedQueries(String q, String key) {
        assertThat(keys.parseQuery(q).key()).isEqualTo(key);
    }

    @Test
    void withoutDiacriticsTheLooseFormsStillMeet() {
        assertThat(keys.parseQuery("16-DA/TU").typeLoose()).isEqualTo(keys.parseSymbol("16-ĐA/TU").typeLoose());
        assertThat(keys.parseQuery("20/nq-hdnd").issuerLoose()).isEqualTo(keys.parseSymbol("20/NQ-HĐND").issuerLoose());
    }

    @Test
    void aSymbolIsNotReadAsATypeName() {
        // "Thư" (TD) is a type name; inside a stored symbol only codes count
        assertThat(keys.parseSymbol("12-CT/THU").type()).isEqualTo("CT");
        assertThat(keys.parseQuery("chỉnh đốn Đảng").number()).isNull();
    }
}

package org.vnextract.extract.relations;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vnextract.Vnextract;
import org.vnextract.hardening.LinearTime;
import org.vnextract.ingest.ContentType;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.SourceFormat;
import org.vnextract.ingest.SourceMetadata;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.ModelSource;

/**
 * The relations stage runs in time linear in the text on hostile input (LinearTime: one large
 * input against many small ones, in the same run). Every document mention once read its whole line
 * to see whether it was a page's "Số: …" header: on a text of one line, quadratic. The documents
 * stage runs once per input, outside the timing.
 */
class RelationLinearTimeTest {
    static final Vnextract VX = Vnextract.builder().models(ModelSource.directory(Path.of("models")))
            .extractors(Set.of("documents")).build();
    static final RelationExtractor RELATIONS = new RelationExtractor(ModelSource.directory(Path.of("models")));

    record Hostile(String name, String unit) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Hostile> hostile() {
        return Stream.of(new Hostile("one line of mentions", "Nghị quyết số 18-NQ/TW, "),
                new Hostile("one line of carrying out", "Kế hoạch số 74-KH/HU thực hiện Kết luận số 21-KL/TW và "),
                new Hostile("header-like mentions", "Số: 594/KH-UBND "),
                new Hostile("semicolon clauses", "; cụ thể hóa Nghị quyết số 18-NQ/TW, Tỉnh ủy ban hành Kế hoạch số 5-KH/TU "),
                new Hostile("lists after a colon", "Nghị định số 15/2015/NĐ-CP được sửa đổi bởi: 1. Nghị định số 30/2017/NĐ-CP; 2. "),
                new Hostile("title-only heads and bare type names", "thực hiện Luật Đất đai và Nghị quyết, Nghị quyết số 18-NQ/TW (thay thế "));
    }

    static Analysis analysis(String unit, int size) {
        StringBuilder b = new StringBuilder(size + unit.length());
        b.append("Tiêu đề\n\n");
        while (b.length() < size) {
            b.append(unit);
        }
        SourceMetadata meta = new SourceMetadata("h", "https://example.vn/x", null, null, "2024-05-01", List.of(), null);
        return VX.analyze(new RawDocument("h", SourceFormat.TEXT, ContentType.TEXT, b.toString(), meta, List.of()));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void linear(Hostile h) {
        IntFunction<Analysis> input = size -> analysis(h.unit(), size);
        LinearTime.assertLinear("relations on " + h.name(), input, RELATIONS::process);
    }
}

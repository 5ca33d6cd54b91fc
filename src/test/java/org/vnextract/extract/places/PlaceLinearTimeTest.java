package org.vnextract.extract.places;

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
 * The places stage runs in time linear in the text on hostile input (1 MB against 20 runs of
 * 50 KB, in the same run): repeated type words and heads, runs of capitalised unit names that are
 * each other's prefixes, hyphen chains, endless lists after a type word, and one paragraph of
 * biography and caption cues. The text and segmenter stages run once per input, outside the timing.
 */
class PlaceLinearTimeTest {
    static final Vnextract VX = Vnextract.builder().models(ModelSource.directory(java.nio.file.Path.of("models")))
            .extractors(Set.of("places")).build();
    static final PlaceExtractor PLACES = new PlaceExtractor(ModelSource.directory(java.nio.file.Path.of("models")));

    record Hostile(String name, String unit) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Hostile> hostile() {
        return Stream.of(new Hostile("type words", "xã Tân xã Tân huyện "),
                new Hostile("capitalised names", "Gia Lai Gia Lai Hà Nội Hà Nam Ninh Bình Thuận "),
                new Hostile("hyphen chains", "Thừa Thiên - Thừa Thiên - Quảng Nam - Đà Nẵng - "),
                new Hostile("heads", "Tỉnh ủy Tỉnh ủy Huyện ủy Đảng bộ tỉnh "),
                new Hostile("lists", "các xã Bảo Thanh, Gia Thanh, Hạ Giáp, Trị Quận và Sơn Tân, "),
                new Hostile("cues", "quê ở tỉnh Gia Lai, từng tại Hà Nội, Ảnh: TTXVN, toàn tỉnh 9 tỉnh, thành. "));
    }

    static Analysis analysis(String unit, int size) {
        StringBuilder b = new StringBuilder(size + unit.length());
        b.append("Tiêu đề\n\n");
        while (b.length() < size) {
            b.append(unit);
        }
        SourceMetadata meta = new SourceMetadata("h", "https://baogialai.com.vn/x", null, null, "2024-05-01", List.of(), null);
        return VX.analyze(new RawDocument("h", SourceFormat.TEXT, ContentType.TEXT, b.toString(), meta, List.of()));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void linear(Hostile h) {
        IntFunction<Analysis> input = size -> analysis(h.unit(), size);
        LinearTime.assertLinear("places on " + h.name(), input, PLACES::process);
    }
}

package org.vnextract.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    static List<LineReader.Line> read(byte[] bytes, int maxChars) throws IOException {
        List<LineReader.Line> out = new ArrayList<>();
        try (LineReader r = new LineReader(new ByteArrayInputStream(bytes), maxChars, () -> { })) {
            LineReader.Line l;
            while ((l = r.next()) != null) {
                out.add(l);
            }
        }
        return out;
    }

    @Test
    void everyLineIsKeptWhateverItsEnd() throws IOException {
        List<LineReader.Line> l = read("một\r\nhai\n\nba".getBytes(StandardCharsets.UTF_8), 100);
        assertThat(l).extracting(LineReader.Line::text).containsExactly("một", "hai", "", "ba");
        assertThat(l).extracting(LineReader.Line::number).containsExactly(1L, 2L, 3L, 4L);
        assertThat(l).noneMatch(LineReader.Line::cut).allMatch(x -> x.badByte() < 0);
        assertThat(read(new byte[0], 10)).isEmpty();
        assertThat(read("\n".getBytes(StandardCharsets.UTF_8), 10)).extracting(LineReader.Line::text).containsExactly("");
    }

    @Test
    void aLongLineIsCutAtTheCapWithoutSplittingACharacterAndTheNextLineIsRead() throws IOException {
        String vi = "Đảng ".repeat(100_000); // 500 000 chars, 3 bytes for "ả"
        List<LineReader.Line> l = read((vi + "\nsau\n").getBytes(StandardCharsets.UTF_8), 7);
        assertThat(l).hasSize(2);
        assertThat(l.get(0).text()).isEqualTo("Đảng Đả");
        assertThat(l.get(0).cut()).isTrue();
        assertThat(l.get(0).badByte()).isNegative();
        assertThat(l.get(1).text()).isEqualTo("sau");
        assertThat(l.get(1).cut()).isFalse();
        // a supplementary character at the cap is not split in half
        List<LineReader.Line> e = read("ab\uD83D\uDE00cd".getBytes(StandardCharsets.UTF_8), 3);
        assertThat(e.get(0).text()).isEqualTo("ab");
        // a cap in bytes that falls inside a multi-byte sequence leaves it out whole: no false bad byte
        List<LineReader.Line> m = read("ảảảảảảảảảảảảảảảả".getBytes(StandardCharsets.UTF_8), 1);
        assertThat(m.get(0).text()).isEqualTo("ả");
        assertThat(m.get(0).badByte()).isNegative();
    }

    @Test
    void invalidUtf8IsReplacedAndItsOffsetGiven() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("ok\nab".getBytes(StandardCharsets.UTF_8));
        b.write(0xC3); // a lead byte without its continuation
        b.write("z \uFFFD\nđúng\n".getBytes(StandardCharsets.UTF_8));
        List<LineReader.Line> l = read(b.toByteArray(), 100);
        assertThat(l).extracting(LineReader.Line::text).containsExactly("ok", "ab\uFFFDz \uFFFD", "đúng");
        assertThat(l.get(1).badByte()).isEqualTo(2);
        assertThat(l.get(0).badByte()).isNegative();
        // a U+FFFD written in the text is not invalid
        assertThat(read("x \uFFFD".getBytes(StandardCharsets.UTF_8), 10).get(0).badByte()).isNegative();
    }

    @Test
    void theHookRunsOnlyBeforeABlockingRead() throws IOException {
        AtomicInteger flushes = new AtomicInteger();
        byte[] bytes = "a\nb\n".getBytes(StandardCharsets.UTF_8);
        try (LineReader r = new LineReader(new ByteArrayInputStream(bytes), 10, flushes::incrementAndGet)) {
            while (r.next() != null) {
                // read all
            }
        }
        assertThat(flushes.get()).isEqualTo(1); // at the end only: the bytes were available before
    }
}

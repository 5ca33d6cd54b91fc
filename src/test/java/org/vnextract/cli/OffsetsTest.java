package org.vnextract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vnextract.testenv.Needs;

/** Every mention in every record of the bundled corpus, the real pages and the shared dev corpus gives back its text. */
class OffsetsTest {
    @Test
    void everyMentionRoundTrips() throws Exception {
        Cli r = Cli.run("extract", "corpus", "src/test/resources/html");
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> recs = EndToEndTest.parse(r.out());
        assertThat(recs).hasSizeGreaterThan(35);
        recs.forEach(RecordShape::assertOffsets);
    }

    @Test
    void everyMentionRoundTripsOnTheDevCorpus() throws Exception {
        Cli r = Cli.run("extract", Needs.shared("corpus/dev").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> recs = EndToEndTest.parse(r.out());
        assertThat(recs).hasSizeGreaterThan(40);
        recs.forEach(RecordShape::assertOffsets);
    }

    @Test
    void offsetsCountCodePointsNotChars() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("emoji", ".txt");
        java.nio.file.Files.writeString(f, "Tin vui 🎉🎉 hôm nay.\nThực hiện Kết luận số 21-KL/TW của Bộ Chính trị.\n");
        Cli r = Cli.run("extract", f.toString());
        JsonNode rec = EndToEndTest.parse(r.out()).get(0);
        RecordShape.assertValid(rec);
        JsonNode m = rec.get("documents").get(0).get("mentions").get(0);
        String text = rec.get("article").get("text").asText();
        String mention = m.get("text").asText();
        assertThat(mention).endsWith("21-KL/TW");
        assertThat(m.get("start").asInt()).isEqualTo(text.codePointCount(0, text.indexOf(mention)));
        assertThat(m.get("start").asInt()).isLessThan(text.indexOf(mention)); // two emoji = 4 chars, 2 code points
        java.nio.file.Files.delete(f);
    }
}

package org.vnextract.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.Vnextract;
import org.vnextract.ingest.IngestLimits;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Sources;
import org.vnextract.record.RecordJson;
import org.vnextract.testenv.Needs;

/** {@code vnextract eval} prints the same table as {@code ../shared/tools/score.py} on the same records. */
class ScorePyAgreementTest {

    @TempDir
    Path dir;

    private String scorePy(Path gold, Path records) throws Exception {
        Process p = new ProcessBuilder("python3", Needs.shared("tools/score.py").toString(), gold.toString(), records.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private static boolean hasPython() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static String table(Path gold, Path records) throws Exception {
        Evaluator ev = new Evaluator();
        for (String l : Files.readAllLines(records, StandardCharsets.UTF_8)) {
            ev.addRecordLine(l);
        }
        ev.score(List.of(gold));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ev.printTable(new PrintStream(b, true, StandardCharsets.UTF_8));
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sameTableOnTheSeedsAndDev() throws Exception {
        Needs.shared("tools/score.py");
        Needs.shared("corpus/dev");
        Needs.shared("gold/dev");
        Needs.service(hasPython(), "python3, which is not installed (it runs the reference scorer)");
        Vnextract vx = Vnextract.builder().build();
        RecordJson json = new RecordJson();
        for (String part : new String[] {"seeds", "dev"}) {
            Path records = dir.resolve(part + ".jsonl");
            StringBuilder sb = new StringBuilder();
            try (Sources s = Sources.open(List.of(Needs.shared("corpus/" + part).toString()), IngestLimits.defaults(), System.in)) {
                while (s.hasNext()) {
                    IngestResult r = s.next();
                    sb.append(json.toLine(vx.process((RawDocument) r))).append('\n');
                }
            }
            Files.writeString(records, sb.toString(), StandardCharsets.UTF_8);
            Path gold = Needs.shared("gold/" + part);
            assertThat(table(gold, records)).isEqualTo(scorePy(gold, records));
        }
    }

    @Test
    void sameTableOnHandMadeRecordsWithEdgeCases() throws Exception {
        Needs.shared("tools/score.py");
        Needs.service(hasPython(), "python3, which is not installed (it runs the reference scorer)");
        // fractions that round differently in naive formatting, leading zeros, tone placement,
        // duplicate stems (the later record wins), a non-JSON line, a record with no uri
        Path gold = Files.createDirectory(dir.resolve("gold"));
        Files.writeString(gold.resolve("a.json"), """
                {"file": "a.txt", "officials": [{"name": "Nguyễn Văn Hòa", "titles": ["Chủ tịch UBND tỉnh", "Bí thư"]}],
                 "documents": [{"id": "02-NQ/TU", "date": "2021-06-28"}, {"id": "5-KL/TW", "date": null}],
                 "dates": [{"value": "2021-06-28"}, {"value": "XXXX-06-29"}, {"value": "2023-05"}],
                 "counts": [{"value": 4595, "unit": "đảng viên"}, {"value": 5800000000, "unit": "đồng"},
                            {"value": 224, "total": 274, "unit": "chi bộ"}, {"value": 3.5, "unit": "%"}]}
                """);
        Files.writeString(gold.resolve("b.json"), """
                {"file": "b.txt", "officials": [], "documents": [{"id": "100/2019/NĐ-CP", "date": "2019-12-30"}],
                 "dates": [{"value": "2019-12-30"}], "counts": [{"value": 7, "unit": "người"}]}
                """);
        Files.writeString(gold.resolve("c.json"), """
                {"file": "c.txt", "officials": [{"name": "Lê A", "titles": []}], "documents": [], "dates": [], "counts": []}
                """);
        Path records = dir.resolve("r.jsonl");
        Files.writeString(records, String.join("\n",
                "{\"source\": {\"uri\": \"/x/a.txt\"}, \"officials\": [{\"name\": \"Nguyễn Văn Hoà\", \"titles\": [\"chủ tịch ubnd tỉnh\"]}, {\"name\": \"X Y\", \"titles\": [\"Bí thư\"]}], \"documents\": [{\"id\": \"2-NQ/TU\", \"date\": \"2021-06-28\"}, {\"id\": \"05-KL/TW\", \"date\": \"2020-01-01\"}, {\"id\": \"9-KH/HU\", \"date\": \"2020-01-02\"}], \"dates\": [{\"value\": \"2021-06-28\"}, {\"value\": \"XXXX-06-29\"}, {\"value\": \"2023-06\"}], \"counts\": [{\"value\": 4595.0, \"unit\": \"đảng viên mới\"}, {\"value\": 5.8e9, \"unit\": \"Đồng\"}, {\"value\": 224, \"total\": 274, \"unit\": \"chi bộ thôn\"}, {\"value\": 3.5000001, \"unit\": \"%\"}, {\"value\": \"abc\", \"unit\": \"x\"}]}",
                "not json at all",
                "{\"source\": {\"uri\": \"/y/b.txt\"}, \"documents\": [], \"dates\": [{\"value\": \"2019-12-30\"}], \"counts\": [{\"value\": 7, \"unit\": \"người\"}, {\"value\": 8, \"unit\": \"người\"}, {\"value\": 9, \"unit\": \"người\"}]}",
                "{\"source\": {\"uri\": \"/z/b.txt\"}, \"documents\": [{\"id\": \"100/2019/NĐ-CP\", \"date\": \"2019-12-30\"}], \"dates\": [{\"value\": \"2019-12-30\"}], \"counts\": [{\"value\": 7, \"unit\": \"người\"}, {\"value\": 8, \"unit\": \"người\"}, {\"value\": 9, \"unit\": \"người\"}]}",
                "{\"id\": \"zz\", \"officials\": [{\"name\": \"Q\"}]}",
                ""));
        assertThat(table(gold, records)).isEqualTo(scorePy(gold, records));
    }

    @Test
    void sameTableWithRelationsPlacesFieldsAndIdPairing() throws Exception {
        Needs.shared("tools/score.py");
        Needs.service(hasPython(), "python3, which is not installed (it runs the reference scorer)");
        // relations keyed like documents.id; place names without diacritics, spaces or apostrophes;
        // place as a string or an object; optional metrics only where gold carries the field (even
        // null); a "fields" list restricting the metrics; records paired by id (JSON Lines input)
        Path gold = Files.createDirectory(dir.resolve("gold"));
        Files.writeString(gold.resolve("p1.json"), """
                {"file": "p1.txt", "officials": [], "documents": [{"id": "74-KH/HU"}, {"id": "21-KL/TW"}],
                 "dates": [], "counts": [],
                 "relations": [{"from": "74-KH/HU", "type": "implements", "to": "21-KL/TW"},
                               {"from": "074-KH/HU", "type": "Amends", "to": "21-KL/TW"}],
                 "locations": [{"name": "Đăk Pơ", "level": "district"}, {"name": "Ia H'Drai"}, {"name": "Gia Lai"}],
                 "place": "Gia Lai"}
                """);
        Files.writeString(gold.resolve("p2.json"), """
                {"file": "p2.txt", "officials": [], "documents": [], "dates": [], "counts": [],
                 "relations": [], "locations": [], "place": null}
                """);
        Files.writeString(gold.resolve("p3.json"), """
                {"file": "p3.txt", "fields": ["documents", "relations"], "officials": [{"name": "A B", "titles": ["x"]}],
                 "documents": [{"id": "20/NQ-HĐND", "date": "2020-01-02"}], "dates": [{"value": "2020-01-02"}],
                 "relations": [{"from": "20/NQ-HĐND", "type": "implements", "to": "5-NQ/TU"}]}
                """);
        Files.writeString(gold.resolve("p4.json"), """
                {"officials": [], "documents": [], "dates": [], "counts": [], "place": "Hồ Chí Minh"}
                """);
        Path records = dir.resolve("r.jsonl");
        Files.writeString(records, String.join("\n",
                "{\"id\": \"p1\", \"source\": {\"uri\": \"https://x.vn/bai-viet-123.html\"}, \"documents\": [{\"id\": \"74-KH/HU\"}], \"relations\": [{\"from\": \"74-kh/hu\", \"type\": \"implements\", \"to\": \"21-KL/TW\"}, {\"from\": \"1-KH/HU\", \"to\": \"21-KL/TW\"}, {\"from\": \"\", \"to\": \"x\"}], \"locations\": [{\"name\": \"Đắk Pơ\"}, {\"name\": \"Ia H' Drai\"}, {\"name\": \"Chư Prông\"}, {\"name\": null}], \"place\": {\"name\": \"Gia Lai\", \"code\": \"64\"}}",
                "{\"source\": {\"uri\": \"/a/p2.txt\"}, \"relations\": [], \"locations\": [{\"name\": \"Việt Nam\"}], \"place\": \"Hà Nội\"}",
                "{\"id\": \"p3\", \"documents\": [{\"id\": \"20/NQ-HĐND\", \"date\": \"2020-01-03\"}], \"relations\": [{\"from\": \"20/NQ-HDND\", \"type\": \"implements\", \"to\": \"5-NQ/TU\"}], \"dates\": [{\"value\": \"2020-01-02\"}]}",
                "{\"id\": \"p4\", \"place\": {\"name\": \"TP. Hồ Chí Minh\"}}",
                ""));
        assertThat(table(gold, records)).isEqualTo(scorePy(gold, records));
        assertThat(table(gold, records)).contains("relations").contains("locations.name").contains("place");
    }
}

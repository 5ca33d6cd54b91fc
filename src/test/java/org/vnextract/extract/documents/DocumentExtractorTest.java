package org.vnextract.extract.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vnextract.extract.Mention;
import org.vnextract.pipeline.Analysis;
import org.vnextract.testenv.Needs;
import org.vnextract.text.AnalyzedText;

class DocumentExtractorTest {
    private static final DocumentTestSupport SUPPORT = new DocumentTestSupport();

    @Test
    void everyMentionGivesBackItsTextAndEveryIdIsListedOnce() throws IOException {
        assertMentionsAndIds(Path.of("corpus/seeds"), Path.of("corpus/heldout"));
    }

    @Test
    void everyMentionGivesBackItsTextAndEveryIdIsListedOnceOnTheDevCorpus() throws IOException {
        assertMentionsAndIds(Needs.shared("corpus/dev"));
    }

    private static void assertMentionsAndIds(Path... dirs) throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (Path d : dirs) {
            try (Stream<Path> s = Files.list(d)) {
                files.addAll(s.filter(p -> p.toString().endsWith(".txt")).sorted().toList());
            }
        }
        assertThat(files).as("articles in " + List.of(dirs)).isNotEmpty();
        int documents = 0;
        for (Path f : files) {
            Analysis a = SUPPORT.analyze(Files.readString(f, StandardCharsets.UTF_8));
            String text = a.get(AnalyzedText.KEY).text();
            Set<String> ids = new HashSet<>();
            for (DocumentReference d : a.get(DocumentReference.KEY)) {
                // one symbol is listed twice only as two documents of different issuing years
                assertThat(ids.add(d.id() + "@" + (d.date() == null ? "" : d.date().substring(0, 4))))
                        .as("id listed once: " + d.id() + " in " + f).isTrue();
                assertThat(d.mentions()).as("mentions of " + d.id()).isNotEmpty();
                for (Mention m : d.mentions()) {
                    assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
                }
                documents++;
            }
        }
        assertThat(documents).as("documents found in " + List.of(dirs)).isGreaterThan(0);
    }

    @Test
    void oneSymbolWithIssuingDatesOfTwoYearsIsTwoDocuments() {
        // party numbers start again with each term: "35-CT/TW" of 2019 and of 2024 are two directives
        List<DocumentReference> docs = SUPPORT.documents("Sau khi tổng kết Chỉ thị số 35-CT/TW, ngày 30/5/2019 của Bộ"
                + " Chính trị, ngày 14/6/2024 vừa qua, Bộ Chính trị đã ban hành Chỉ thị số 35-CT/TW về đại hội. Chỉ thị"
                + " số 35-CT/TW có nhiều điểm mới so với Chỉ thị số 35 năm 2019.");
        assertThat(docs).extracting(DocumentReference::id, DocumentReference::date)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("35-CT/TW", "2019-05-30"),
                        org.assertj.core.groups.Tuple.tuple("35-CT/TW", "2024-06-14"));
        assertThat(docs.get(1).mentions()).hasSize(2); // the undated citation after it goes with the 2024 one
    }

    @Test
    void oneSymbolWithTwoDatesOfOneYearStaysOneDocument() {
        List<DocumentReference> docs = SUPPORT.documents("Kế hoạch số 12-KH/TU, ngày 5/3/2023 của Tỉnh ủy được"
                + " triển khai. Kế hoạch số 12-KH/TU ngày 6/3/2023 được quán triệt.");
        assertThat(docs).extracting(DocumentReference::id, DocumentReference::date)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("12-KH/TU", "2023-03-05"));
    }

    @Test
    void aShortReferenceIsAMentionOfTheFullCitationNotADocument() {
        List<DocumentReference> docs = SUPPORT.documents(
                "Huyện triển khai Kết luận số 21-KL/TW ngày 25/10/2021. Các nhiệm vụ của Kết luận số 21 được thực hiện.");
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).mentions()).extracting(Mention::text)
                .containsExactly("Kết luận số 21-KL/TW", "Kết luận số 21");
    }

    @Test
    void aTypeWordGluedToThePreviousWordIsStillRead() {
        // "theoKết luận": the shared token view splits a word at an inner capital (a missing space);
        // dantri news_education_179 "kèm theoThông tư 10/2021/TT-BGDĐT"
        List<DocumentReference> docs = SUPPORT.documents(
                "Huyện thực hiện theoKết luận số 21-KL/TW và kèm theoKết luận 21.");
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).mentions()).extracting(Mention::text)
                .containsExactly("Kết luận số 21-KL/TW", "Kết luận 21");
    }

    @Test
    void theMentionIncludesTheTypeWordAndTheTypeComesFromIt() {
        DocumentReference d = SUPPORT.documents("Căn cứ Quy định số 45-QĐ/TW, ngày 01/11/2011 về thi hành Điều lệ Đảng.").get(0);
        assertThat(d.mentions().get(0).text()).isEqualTo("Quy định số 45-QĐ/TW");
        assertThat(d.id()).isEqualTo("45-QĐ/TW");
        assertThat(d.type()).isEqualTo("QĐi");
        assertThat(d.typeName()).isEqualTo("Quy định");
        assertThat(d.date()).isEqualTo("2011-11-01");
        assertThat(d.subject()).isEqualTo("về thi hành Điều lệ Đảng");
    }

    @Test
    void aQuotedTitleIsTheSubject() {
        DocumentReference d = SUPPORT.documents(
                "Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng “về đẩy mạnh xây dựng, chỉnh đốn Đảng”.").get(0);
        assertThat(d.subject()).isEqualTo("về đẩy mạnh xây dựng, chỉnh đốn Đảng");
        assertThat(d.issuer()).isEqualTo("Ban Chấp hành Trung ương Đảng");
    }

    @Test
    void theSubjectEndsWithItsClause() {
        DocumentReference d = SUPPORT.documents(
                "Thực hiện Kế hoạch số 43-KH/TU, ngày 18/1/2022 của Ban Thường vụ Tỉnh ủy về thực hiện Kết luận số 21-KL/TW, Ban Thường vụ Huyện ủy đã ban hành Kế hoạch số 60.").get(0);
        assertThat(d.subject()).isEqualTo("về thực hiện Kết luận số 21-KL/TW");
    }

    /** Regression: words of the text are compared folded (tone mark last), so "số" must be folded too. */
    @Test
    void typeWordsAreFoundWhateverTheToneMarkPlacement() {
        assertThat(SUPPORT.documents("Thực hiện Nghị quyết sô\u0301 02-NQ/TU của Tỉnh ủy.").get(0).mentions().get(0).text())
                .startsWith("Nghị quyết");
        assertThat(SUPPORT.documents("Thực hiện Kế hoạch số 7 của Ban Thường vụ Tỉnh uỷ.")).extracting(DocumentReference::id)
                .containsExactly("7-KH/TU");
    }

    /** Regression: the subject of "… đã ban hành" may open a paragraph. */
    @Test
    void anIssuerOpeningTheParagraphIsTheSubject() {
        List<DocumentReference> docs = SUPPORT.documents("Tiêu đề bài viết\nBan Thường vụ Huyện ủy cũng đã ban hành Kế hoạch số 8 về phát triển đảng viên.");
        assertThat(docs).extracting(DocumentReference::id).containsExactly("8-KH/HU");
        assertThat(docs.get(0).issuer()).isEqualTo("Ban Thường vụ Huyện ủy");
    }

    @Test
    void aTextWithoutNumbersHasNoDocuments() {
        assertThat(SUPPORT.documents("Hội nghị quán triệt nghị quyết của Đảng, kế hoạch của tỉnh.")).isEmpty();
    }
}

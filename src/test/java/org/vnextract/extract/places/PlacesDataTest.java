package org.vnextract.extract.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.Fold;

/**
 * The places data: the shipped gazetteer is exactly what {@code vnextract derive-places} derives
 * from ../shared/data/admin-units (checked when that folder is there: a fresh clone has only the
 * shipped file), and every row of the outlet table names a pre-reform province by its name and GSO
 * code as the gazetteer has them, every one of the 63 having a newspaper, a radio-television, a
 * government portal and a party portal.
 */
class PlacesDataTest {
    static final Path ADMIN_UNITS = Path.of("../shared/data/admin-units");
    static final ModelSource MODELS = ModelSource.directory(Path.of("models"));

    @Test
    void shippedGazetteerIsTheDerivation() throws IOException {
        assumeTrue(Files.isRegularFile(ADMIN_UNITS.resolve(GazetteerDeriver.PRE)), "../shared/data/admin-units absent");
        String shipped = Files.readString(Path.of("models/places/units.tsv"), StandardCharsets.UTF_8);
        assertThat(GazetteerDeriver.derive(ADMIN_UNITS)).isEqualTo(shipped);
    }

    @Test
    void gazetteerHasBothEras() {
        Gazetteer g = new Gazetteer(MODELS);
        int pre = 0;
        int post = 0;
        for (int code = 1; code <= 96; code++) {
            String c = String.format("%02d", code);
            pre += g.unit("pre", "province", c) != null ? 1 : 0;
            post += g.unit("post", "province", c) != null ? 1 : 0;
        }
        assertThat(pre).isEqualTo(63);
        assertThat(post).isEqualTo(34);
        Unit gialai = g.unit("pre", "province", "64");
        assertThat(gialai.name()).isEqualTo("Gia Lai");
        assertThat(g.unit("post", "province", gialai.after()).name()).isEqualTo("Gia Lai");
        assertThat(g.unit("post", "province", g.unit("pre", "province", "52").after()).name()).isEqualTo("Gia Lai");
    }

    @Test
    void everyOutletRowNamesAPreReformProvince() {
        Gazetteer g = new Gazetteer(MODELS);
        Outlets outlets = new Outlets(MODELS, new Gazetteer(MODELS));
        Map<String, Set<String>> kindsByProvince = new HashMap<>();
        Set<String> kinds = Set.of("newspaper", "radio-tv", "portal", "party-portal");
        for (Outlets.Outlet o : outlets.all().values()) {
            Unit p = g.unit("pre", "province", o.code());
            assertThat(p).as(o.domain() + ": code " + o.code()).isNotNull();
            // tone-mark placement aside: the GSO file writes "Hoà Bình"
            assertThat(Fold.fold(p.name())).as(o.domain()).isEqualTo(Fold.fold(o.province()));
            assertThat(kinds).as(o.domain()).contains(o.kind());
            assertThat(o.domain()).as("lower case, no www.").isEqualTo(o.domain().toLowerCase()).doesNotStartWith("www.");
            kindsByProvince.computeIfAbsent(o.code(), k -> new HashSet<>()).add(o.kind());
        }
        Set<String> missing = new TreeSet<>();
        for (int code = 1; code <= 96; code++) {
            String c = String.format("%02d", code);
            if (g.unit("pre", "province", c) == null) {
                continue;
            }
            for (String k : new String[] {"newspaper", "radio-tv", "portal", "party-portal"}) {
                if (!kindsByProvince.getOrDefault(c, Set.of()).contains(k)) {
                    missing.add(c + " " + k);
                }
            }
        }
        assertThat(missing).as("provinces without an outlet of a kind").isEmpty();
        assertThat(kindsByProvince).hasSize(63);
    }

    @Test
    void outletsMatchTheirSubdomainsAndNotOthers() {
        Outlets outlets = new Outlets(MODELS, new Gazetteer(MODELS));
        assertThat(outlets.of("https://baogialai.com.vn/nang-cao.html").province()).isEqualTo("Gia Lai");
        assertThat(outlets.of("https://xasontan.sontay.quangngai.gov.vn/tin").province()).isEqualTo("Quảng Ngãi");
        assertThat(outlets.of("http://www.baodaknong.org.vn/x").province()).isEqualTo("Đắk Nông");
        assertThat(outlets.of("https://www.baomoi.com/x.epi")).isNull();
        assertThat(outlets.of("https://vnexpress.net/x.html")).isNull();
        assertThat(outlets.of("https://notbaogialai.com.vn/x")).isNull();
        assertThat(outlets.of(null)).isNull();
        assertThat(outlets.of("/tmp/a.txt")).isNull();
    }

    @Test
    void aSiteOutsideTheTableIsLocalWhenAHostLabelNamesOneProvincesUnit() {
        Outlets outlets = new Outlets(MODELS, new Gazetteer(MODELS));
        Outlets.Outlet school = outlets.of("http://c0binhminh.vinhthuan.edu.vn/le-ket-nap-dang.html");
        assertThat(school.province()).isEqualTo("Kiên Giang");
        assertThat(school.kind()).isEqualTo(Outlets.LOCAL_SITE);
        assertThat(outlets.of("http://mnmaivang.pgddtcamlam.edu.vn/tin").province()).isEqualTo("Khánh Hòa");
        assertThat(outlets.of("http://linhxuan.thuduc.truongdientu.vn/x").province()).isEqualTo("Hồ Chí Minh");
        assertThat(outlets.of("http://thpt.quangngai.edu.vn/x").province()).isEqualTo("Quảng Ngãi");
        // a party committee's or its propaganda board's portal outside the PROVINCE.dcs.vn scheme
        assertThat(outlets.of("https://tinhuyquangtri.vn/x").province()).isEqualTo("Quảng Trị");
        assertThat(outlets.of("https://www.tuyengiaoangiang.vn/x").province()).isEqualTo("An Giang");
        assertThat(outlets.of("http://huyenuyhiephoa.vn/x").province()).isEqualTo("Bắc Giang");
        assertThat(outlets.of("https://tinhuyabc.vn/x")).isNull();
        assertThat(outlets.of("https://thanhuyvn.vn/x")).isNull();
        // a district name of two provinces is no evidence; nor are national papers' own names
        assertThat(outlets.of("http://thcs.sontay.edu.vn/x")).isNull();
        assertThat(outlets.of("https://thanhnien.vn/x")).isNull();
        assertThat(outlets.of("https://tuoitre.vn/x")).isNull();
        assertThat(outlets.of("https://laodong.vn/x")).isNull();
    }
}

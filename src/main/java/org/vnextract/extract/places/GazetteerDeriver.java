package org.vnextract.extract.places;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vnextract.internal.Validate;

/**
 * Derives {@code models/places/units.tsv} from the shared admin-unit files ({@code
 * ../shared/data/admin-units}): the 63 provinces, their districts and communes of 1 March 2025, and
 * the 34 provinces and their communes from 1 July 2025, each with its GSO code, its name without
 * the type word, its kind and province, and for the old units the province (and communes) that
 * cover them after the reform. {@code vnextract derive-places} writes it; a test checks that the
 * shipped file is exactly this derivation.
 *
 * <p>Stateless; thread-safe.
 */
public final class GazetteerDeriver {
    public static final String PRE = "admin-units-pre-2025-07.csv";
    public static final String POST = "admin-units-2025-07-01.csv";
    public static final String SPLITS = "dvhcvn-20250701-splits.json";

    /** Type words of the admin-unit files, longest first, and the kind written in our files. */
    private static final String[][] TYPES = {{"Thành phố Trung ương", "thành phố"}, {"Thành phố", "thành phố"},
        {"Tỉnh", "tỉnh"}, {"Quận", "quận"}, {"Huyện", "huyện"}, {"Thị xã", "thị xã"}, {"Phường", "phường"},
        {"Xã", "xã"}, {"Thị trấn", "thị trấn"}, {"Đặc khu", "đặc khu"}};

    private GazetteerDeriver() {}

    /** The text of {@code units.tsv} derived from the admin-unit folder {@code dir}. */
    public static String derive(Path dir) {
        Validate.notNull(dir, "dir");
        try {
            List<String[]> pre = csv(dir.resolve(PRE));
            List<String[]> post = csv(dir.resolve(POST));
            Map<String, String> oldToNewProvince = new TreeMap<>();
            for (String[] r : post) {
                if (r[0].equals("1")) {
                    for (String part : r[5].split(";")) {
                        oldToNewProvince.put(part.substring(0, part.indexOf(':')), r[1]);
                    }
                }
            }
            Map<String, String> communeSplits = new LinkedHashMap<>();
            JsonNode splits = new ObjectMapper().readTree(dir.resolve(SPLITS).toFile());
            for (JsonNode p : splits.path("data")) {
                for (JsonNode c : p.path("level3s")) {
                    List<String> ids = new ArrayList<>();
                    for (JsonNode s : c.path("splits")) {
                        ids.add(s.path("new_id").asText());
                    }
                    communeSplits.put(c.path("level3_id").asText(), String.join(";", ids));
                }
            }
            StringBuilder out = new StringBuilder(1 << 20);
            out.append(HEADER);
            Map<String, String> parentOf = new LinkedHashMap<>();
            for (String[] r : pre) {
                parentOf.put(r[1], r[4]);
            }
            for (String[] r : pre) {
                String level = r[0].equals("1") ? "province" : r[0].equals("2") ? "district" : "commune";
                String province = r[0].equals("1") ? r[1] : r[0].equals("2") ? r[4] : parentOf.get(r[4]);
                String after = oldToNewProvince.getOrDefault(province, "");
                if (r[0].equals("3") && communeSplits.containsKey(r[1])) {
                    after = after + ":" + communeSplits.get(r[1]);
                }
                row(out, "pre", level, r, province, r[0].equals("3") ? r[4] : "", after);
            }
            for (String[] r : post) {
                String level = r[0].equals("1") ? "province" : "commune";
                String province = r[0].equals("1") ? r[1] : r[4];
                row(out, "post", level, r, province, "", "");
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin-unit files in " + dir, e);
        }
    }

    private static void row(StringBuilder out, String era, String level, String[] r, String province, String district,
                            String after) {
        String name = r[2];
        String kind = null;
        for (String[] t : TYPES) {
            if (name.regionMatches(true, 0, t[0] + " ", 0, t[0].length() + 1)) {
                name = name.substring(t[0].length() + 1);
                kind = t[1];
                break;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("admin unit without a type word: " + r[2]);
        }
        out.append(era).append('\t').append(level).append('\t').append(r[1]).append('\t').append(name).append('\t')
                .append(kind).append('\t').append(province).append('\t').append(district).append('\t').append(after)
                .append('\n');
    }

    private static List<String[]> csv(Path p) throws IOException {
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (header || line.isBlank()) {
                header = false;
                continue;
            }
            String[] f = Normalizer.normalize(line, Normalizer.Form.NFC).split(",", -1);
            if (f.length < 5) {
                throw new IllegalArgumentException(p.getFileName() + ": fewer than five columns: " + line);
            }
            rows.add(f);
        }
        return rows;
    }

    private static final String HEADER = """
            # Vietnamese administrative units before and after the reform of 1 July 2025.
            # Source: ../shared/data/admin-units (see ../shared/data/SOURCES.md):
            #   admin-units-pre-2025-07.csv: GSO units of 01/03/2025 via daohoangson/dvhcvn, licence GPL-3.0;
            #   admin-units-2025-07-01.csv and dvhcvn-20250701-splits.json: dvhcvn/20250701, licence MIT.
            # Derived by `vnextract derive-places ../shared/data/admin-units -o models/places/units.tsv`
            # (org.vnextract.extract.places.GazetteerDeriver); do not edit by hand: PlacesDataTest checks
            # that this file is exactly that derivation.
            # Format: UTF-8 NFC, tab-separated, one unit per line:
            #   era       pre (units of 1 March 2025) | post (units from 1 July 2025)
            #   level     province | district | commune (the 2025 system has no districts)
            #   code      GSO code
            #   name      the name without its type word ("Gia Lai", "Chư Prông")
            #   kind      the type word, lower case: tỉnh, thành phố, quận, huyện, thị xã, phường, xã, thị trấn, đặc khu
            #   province  GSO code of its province (its own code for a province)
            #   district  GSO code of its district (pre-reform communes only)
            #   after     pre rows: the post-reform province code covering it; for communes then ':' and the
            #             codes of the post-reform communes it went into (';'-separated)
            """;
}

package org.vnextract.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.vnextract.ingest.CharsetSniffer;

/**
 * Not a test: a survey of the encoding warnings over a JSON Lines corpus (the false-positive check
 * for legacy detection at scale). Prints how many texts get each kind of warning, and the first
 * few texts taken for legacy encodings.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.vnextract.hardening.EncodingSurvey FILE.jsonl[.gz] [MAX]</pre>
 */
public final class EncodingSurvey {
    private EncodingSurvey() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int max = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        CharsetSniffer sniffer = new CharsetSniffer();
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> kinds = new TreeMap<>();
        int texts = 0;
        long chars = 0;
        int shown = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && texts < max) {
                JsonNode n = json.readTree(line);
                JsonNode t = n.has("text") ? n.get("text") : n.has("body") ? n.get("body") : n.has("content") ? n.get("content") : n.get("html");
                if (t == null || !t.isTextual()) {
                    continue;
                }
                texts++;
                chars += t.asText().length();
                List<String> w = new ArrayList<>();
                sniffer.review(t.asText(), true, w);
                for (String x : w) {
                    String kind = x.replaceAll("[0-9]+", "N").replaceAll("'[^']*'", "'…'");
                    kinds.merge(kind.length() > 90 ? kind.substring(0, 90) : kind, 1, Integer::sum);
                    if (x.startsWith("legacy") && shown++ < 5) {
                        System.out.println("LEGACY? " + t.asText().substring(0, Math.min(200, t.asText().length())));
                    }
                }
            }
        }
        System.out.println(texts + " texts, " + chars + " chars");
        kinds.forEach((k, v) -> System.out.println(v + "\t" + k));
    }
}

package org.vnextract.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.vnextract.internal.Validate;

/**
 * The articles of the bulk corpora (JSON Lines, gzipped or not, fields {@code id}, {@code title},
 * {@code header}, {@code body}) that a trainer may read: never an article listed as reserved (the
 * sources of the hand-annotated NER test split, {@code corpus/ner/reserved-ids.tsv}, rows
 * {@code corpus<TAB>id} where the corpus is the file name without {@code .jsonl.gz}), never one of the
 * last {@code tail} articles of a file (kept back for further test annotation), and of the rest a
 * fixed share chosen by a hash of the corpus and the article's position, so that a run is
 * reproducible.
 *
 * <p>Immutable; thread-safe (each {@link #read} opens its own files).
 */
public final class BulkArticles {
    /** One article: its corpus, id, paragraphs (title, header, body paragraphs) and whether the first is a title. */
    public record Article(String corpus, String id, List<String> paragraphs, boolean hasTitle) {}

    /** Receives articles; returns false to stop reading. */
    @FunctionalInterface
    public interface Visitor {
        boolean accept(Article a) throws IOException;
    }

    private final Set<String> reserved;
    private final int tail;
    private final int perMille;

    /**
     * @param reserved {@code corpus<TAB>id} keys of articles never to read
     * @param tail     the last articles of each file that are never read
     * @param perMille the share of the other articles that is read
     */
    public BulkArticles(Set<String> reserved, int tail, int perMille) {
        this.reserved = Set.copyOf(Validate.noNulls(reserved, "reserved"));
        Validate.isTrue(tail >= 0, "tail", "must be 0 or more");
        Validate.isTrue(perMille > 0 && perMille <= 1000, "perMille", "must be 1..1000");
        this.tail = tail;
        this.perMille = perMille;
    }

    /** The {@code corpus<TAB>id} keys of a reserved-ids file ({@code #} lines are comments). */
    public static Set<String> readReserved(Path file) throws IOException {
        Set<String> out = new HashSet<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = l.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                String[] c = t.split("\t");
                Validate.isTrue(c.length >= 2, "file", file + ": a row is corpus<TAB>id: " + t);
                out.add(c[0] + "\t" + c[1]);
            }
        }
        return out;
    }

    /** The corpus name of a file: its name without {@code .jsonl.gz} or {@code .jsonl}. */
    public static String corpusName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.jsonl(\\.gz)?$", "");
    }

    /** Reads the chosen articles of {@code corpora}, in file order, until the visitor says stop. */
    public void read(List<Path> corpora, Visitor v) throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (int c = 0; c < corpora.size(); c++) {
            Path p = corpora.get(c);
            String corpus = corpusName(p);
            int lines = countLines(p);
            try (BufferedReader r = open(p)) {
                String line;
                for (int i = 0; (line = r.readLine()) != null && i < lines - tail; i++) {
                    if (line.isBlank() || Math.floorMod(mix(((long) c << 32) + i), 1000) >= perMille) {
                        continue;
                    }
                    JsonNode a = json.readTree(line);
                    String id = a.hasNonNull("id") ? a.get("id").asText() : "";
                    if (reserved.contains(corpus + "\t" + id)) {
                        continue;
                    }
                    List<String> parts = new ArrayList<>();
                    for (String f : new String[] {"title", "header"}) {
                        if (a.hasNonNull(f) && !a.get(f).asText().isBlank()) {
                            parts.add(a.get(f).asText());
                        }
                    }
                    boolean hasTitle = a.hasNonNull("title") && !a.get("title").asText().isBlank();
                    if (a.hasNonNull("body")) {
                        for (String para : a.get("body").asText().split("\n")) {
                            if (!para.isBlank()) {
                                parts.add(para);
                            }
                        }
                    }
                    if (!parts.isEmpty() && !v.accept(new Article(corpus, id, parts, hasTitle))) {
                        return;
                    }
                }
            }
        }
    }

    private static BufferedReader open(Path p) throws IOException {
        InputStream raw = Files.newInputStream(p);
        try {
            InputStream in = p.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /** The lines of a corpus file (its articles, one a line). */
    static int countLines(Path p) throws IOException {
        int n = 0;
        try (BufferedReader r = open(p)) {
            while (r.readLine() != null) {
                n++;
            }
        }
        return n;
    }

    /** A fixed bit mix (SplitMix64's finaliser). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}

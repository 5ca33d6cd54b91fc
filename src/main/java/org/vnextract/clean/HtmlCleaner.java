package org.vnextract.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.PipelineException;

/**
 * Cleans an HTML page into an {@link Article}. Metadata comes from {@code og:}/{@code article:} meta
 * tags, JSON-LD {@code NewsArticle}, {@code <time>} and the selectors of
 * {@code models/boilerplate/html.tsv}; the body from a known content container when the page has
 * one, else from the block with the most paragraph text and the fewest links (as readability-style
 * extractors choose). Page chrome (scripts, menus, share bars, related lists, comments) is removed
 * first, and every body line then passes the plain-text {@link BoilerplateRules}.
 *
 * <p>Immutable; thread-safe (each call parses its own DOM).
 */
public final class HtmlCleaner {
    public static final String FILE = "boilerplate/html.tsv";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern CO_AUTHORS = java.util.regex.Pattern.compile("\\s+[-–—]\\s+|\\s*[,;&]\\s*|\\s+và\\s+");
    private static final Set<String> BLOCKS = Set.of("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre",
            "td", "dd", "dt", "figcaption");
    private static final Set<String> INLINE = Set.of("a", "span", "strong", "b", "em", "i", "u", "mark", "font", "abbr");
    /** A lower-case letter or digit followed by a capital: a word boundary inside a CamelCase name. */
    private static final java.util.regex.Pattern CAMEL = java.util.regex.Pattern.compile("([\\p{Ll}\\d])(\\p{Lu})");
    private static final Set<String> CONTAINERS = Set.of("div", "article", "section", "main", "td", "body", "span");

    private final BoilerplateRules lineRules;
    private final List<String> remove = new ArrayList<>();
    private final Set<String> noise = new HashSet<>();
    private final Map<String, List<String>> selectors = new HashMap<>();
    private final int maxDepth;

    public HtmlCleaner(ModelSource models, BoilerplateRules lineRules, int maxDepth) {
        Validate.notNull(models, "models");
        this.lineRules = Validate.notNull(lineRules, "lineRules");
        this.maxDepth = Validate.positive(maxDepth, "maxDepth");
        for (String line : models.lines(FILE)) {
            String[] c = line.split("\t");
            if (c.length < 2) {
                throw new PipelineException(FILE + ": needs 'kind<TAB>value': " + line);
            }
            String kind = c[0].trim();
            String value = c[1].trim();
            switch (kind) {
                case "remove" -> remove.add(value);
                case "noise" -> noise.add(value.toLowerCase(Locale.ROOT));
                case "content", "title", "lead", "author", "date" ->
                        selectors.computeIfAbsent(kind, k -> new ArrayList<>()).add(value);
                default -> throw new PipelineException(FILE + ": unknown kind '" + kind + "'");
            }
        }
    }

    public TextCleaner.Result clean(String html, String uri) {
        Validate.notNull(html, "html");
        List<String> warnings = new ArrayList<>();
        // the limit holds while parsing (html and body sit above the content): jsoup reads deeper
        // elements in at the limit, so no tree is ever deeper, and its default of 512 never overrides ours
        Parser parser = Parser.htmlParser().setTrackErrors(0).setMaxDepth(maxDepth + 2);
        Document doc = Jsoup.parse(html, uri == null ? "" : uri, parser);
        int depth = depth(doc.body());
        if (depth >= maxDepth) {
            warnings.add("HTML nesting depth reached the limit of " + maxDepth
                    + " (--max-html-depth); deeper elements were read in at that depth");
        }
        if (depth > maxDepth) {
            warnings.add("HTML nesting depth " + depth + " is over the limit of " + maxDepth + "; deeper content dropped");
            prune(doc.body(), maxDepth);
        }

        JsonNode ld = newsArticleLd(doc);
        String title = firstNonBlank(meta(doc, "og:title"), ld == null ? null : text(ld.get("headline")),
                selectText(doc, "title"), doc.title());
        String published = firstNonBlank(meta(doc, "article:published_time"), ld == null ? null : text(ld.get("datePublished")),
                attr(doc, "meta[itemprop=datePublished]", "content"), meta(doc, "pubdate"), meta(doc, "publishdate"),
                attr(doc, "time[datetime]", "datetime"), visibleDate(doc));
        published = Published.normalize(published);
        String section = firstNonBlank(meta(doc, "article:section"), ld == null ? null : text(ld.get("articleSection")));
        List<String> authors = new ArrayList<>();
        if (ld != null) {
            JsonNode a = ld.get("author");
            // an Organization "author" is the publisher (VnExpress does this), not a byline
            if (a != null && a.isArray()) {
                a.forEach(x -> addName(authors, isOrganization(x) ? null : x.isObject() ? text(x.get("name")) : text(x)));
            } else if (a != null && !isOrganization(a)) {
                addName(authors, a.isObject() ? text(a.get("name")) : text(a));
            }
        }
        String site = host(uri);
        if (site == null) {
            site = host(meta(doc, "og:url"));
        }

        // chrome out, then the body
        for (String sel : remove) {
            doc.select(sel).remove();
        }
        if (authors.isEmpty()) {
            for (String sel : selectors.getOrDefault("author", List.of())) {
                for (Element e : doc.select(sel)) {
                    addName(authors, e.text());
                }
                if (!authors.isEmpty()) {
                    break;
                }
            }
        }
        String lead = null;
        for (String sel : selectors.getOrDefault("lead", List.of())) {
            Element e = doc.selectFirst(sel);
            if (e != null && !e.text().isBlank()) {
                lead = TextCleaner.normalizeLine(e.text());
                e.remove();
                break;
            }
        }
        if (lead == null && ld != null) {
            lead = blankToNull(text(ld.get("description")));
        }
        Element content = null;
        for (String sel : selectors.getOrDefault("content", List.of())) {
            content = doc.selectFirst(sel);
            if (content != null && content.text().length() > 80) {
                break;
            }
            content = null;
        }
        removeNoise(content != null ? content : doc.body());
        if (content == null) {
            content = densest(doc.body());
        }
        List<String> paragraphs = new ArrayList<>();
        if (content != null) {
            collect(content, paragraphs);
        }
        // lines: boilerplate rules, no repeats of the title or lead
        List<String> kept = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (title != null) {
            title = TextCleaner.normalizeLine(title);
            seen.add(title);
        }
        if (lead != null) {
            seen.add(lead);
        }
        List<String> chrome = new ArrayList<>();
        int number = 0;
        for (String p : paragraphs) {
            number++;
            BoilerplateRules.Verdict v = lineRules.judge(p);
            if (v == BoilerplateRules.Verdict.DROP_REST) {
                break;
            }
            if (v == BoilerplateRules.Verdict.DROP) {
                continue;
            }
            // a block whose text runs other articles' headlines into the article's (inline links)
            ChromeRuns.Result runs = lineRules.chrome().cut(p);
            for (ChromeRuns.Dropped d : runs.dropped()) {
                chrome.add(ChromeRuns.note(d, "paragraph", number));
            }
            String s = lineRules.strip(TextCleaner.normalizeLine(runs.text()));
            if (!s.isEmpty() && seen.add(s) && !authors.contains(s)) {
                kept.add(s);
            }
        }
        if (!kept.isEmpty() && authors.isEmpty() && TextCleaner.isByline(kept.get(kept.size() - 1))) {
            addName(authors, kept.remove(kept.size() - 1)); // "Theo TTXVN" (a source) is no author
        }
        String cut = ChromeRuns.warning(chrome);
        if (cut != null) {
            warnings.add(cut);
        }
        if (kept.isEmpty()) {
            warnings.add("no article body found in the page");
        }
        return new TextCleaner.Result(new Article(blankToNull(title), lead, kept, blankToNull(published),
                authors, blankToNull(section), site), warnings);
    }

    private static boolean isOrganization(JsonNode n) {
        return n.isObject() && n.has("@type") && n.get("@type").asText().contains("Organization");
    }

    private static void addName(List<String> authors, String name) {
        if (name == null) {
            return;
        }
        // JSON-LD written with HTML entities ("NH&#7852;T XUÂN")
        String n = TextCleaner.normalizeLine(org.jsoup.parser.Parser.unescapeEntities(name, false));
        if (n.isEmpty() || n.length() > 80 || TextCleaner.isAttribution(n)) {
            return; // "Theo TTXVN": the source the article is taken from, not its author
        }
        for (String part : CO_AUTHORS.split(n)) { // "Minh Anh - Hà Lam", "Minh Anh và Hà Lam"
            String a = part.strip();
            if (!a.isEmpty() && !authors.contains(a)) {
                authors.add(a);
            }
        }
    }

    /** The page's visible date ("- 07/03/2026 08:47" in baodautu's post-time span), by the "date" selectors. */
    private String visibleDate(Document doc) {
        for (String sel : selectors.getOrDefault("date", List.of())) {
            for (Element e : doc.select(sel)) {
                DateLines.Published p = DateLines.parse(e.text());
                if (p != null) {
                    return p.iso();
                }
            }
        }
        return null;
    }

    private String selectText(Document doc, String kind) {
        for (String sel : selectors.getOrDefault(kind, List.of())) {
            Element e = doc.selectFirst(sel);
            if (e != null && !e.text().isBlank()) {
                return e.text();
            }
        }
        return null;
    }

    /** Removes elements whose class or id names chrome, keeping any that hold most of the text. */
    private void removeNoise(Element root) {
        if (root == null) {
            return;
        }
        int total = Math.max(1, root.text().length());
        List<Element> doomed = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e == root) {
                continue;
            }
            if (isNoise(e.className()) || isNoise(e.id())) {
                doomed.add(e);
            }
        }
        for (Element e : doomed) {
            if (e.parent() != null && e.text().length() * 2 < total && !inRunningText(e)) {
                e.remove();
            }
        }
    }

    /**
     * An inline element (a keyword link, plo.vn's {@code <a class="cms-relate">}) standing inside a
     * paragraph's sentence: its class names no chrome, its text is part of the sentence.
     */
    private static boolean inRunningText(Element e) {
        if (!INLINE.contains(e.normalName()) || e.parent() == null) {
            return false;
        }
        Element block = e.parent();
        while (block != null && INLINE.contains(block.normalName())) {
            block = block.parent();
        }
        return block != null && !block.ownText().isBlank();
    }

    private boolean isNoise(String names) {
        if (names == null || names.isEmpty()) {
            return false;
        }
        // "VCObjectBoxRelatedNews": CamelCase class names are words too
        names = names + " " + CAMEL.matcher(names).replaceAll("$1 $2");
        for (String token : names.toLowerCase(Locale.ROOT).split("[\\s_-]+")) {
            if (noise.contains(token)) {
                return true;
            }
        }
        for (String token : names.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (noise.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** The container with the most paragraph text, link text counted against it. */
    private static Element densest(Element body) {
        if (body == null) {
            return null;
        }
        Map<Element, Double> score = new IdentityHashMap<>();
        for (Element p : body.select("p, h2, h3, li, blockquote, td")) {
            String t = p.text();
            if (t.length() < 25) {
                continue;
            }
            double linkText = 0;
            for (Element a : p.select("a")) {
                linkText += a.text().length();
            }
            double s = t.length() * (1 - Math.min(1.0, linkText / t.length())) + Math.min(3, countCommas(t));
            Element parent = p.parent();
            if (parent != null) {
                score.merge(parent, s, Double::sum);
                Element grand = parent.parent();
                if (grand != null) {
                    score.merge(grand, s / 2, Double::sum);
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : score.entrySet()) {
            if (e.getValue() > bestScore && CONTAINERS.contains(e.getKey().normalName())) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        return best == null ? body : best;
    }

    private static int countCommas(String t) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == ',') {
                n++;
            }
        }
        return n;
    }

    /** Block texts in document order; a div with text of its own counts as a block too. */
    private static void collect(Element root, List<String> out) {
        for (Node n : root.childNodes()) {
            if (n instanceof Element e) {
                String name = e.normalName();
                if (BLOCKS.contains(name) || (name.equals("div") && !hasBlockChild(e))) {
                    String t = TextCleaner.normalizeLine(e.text());
                    if (!t.isEmpty() && linkDensity(e, t) < 0.5) {
                        out.add(t);
                    }
                } else if (!name.equals("a") || root.childNodeSize() > 1) {
                    collect(e, out);
                }
            } else if (n instanceof TextNode tn) {
                String t = TextCleaner.normalizeLine(tn.text());
                if (t.length() > 40) {
                    out.add(t);
                }
            }
        }
    }

    private static boolean hasBlockChild(Element e) {
        for (Element c : e.children()) {
            String n = c.normalName();
            if (BLOCKS.contains(n) || n.equals("div") || n.equals("section") || n.equals("article") || n.equals("table")
                    || n.equals("ul") || n.equals("ol")) {
                return true;
            }
        }
        return false;
    }

    private static double linkDensity(Element e, String text) {
        double l = 0;
        for (Element a : e.select("a")) {
            l += a.text().length();
        }
        return text.isEmpty() ? 0 : l / text.length();
    }

    /** The deepest element nesting below {@code root}, in one pass. */
    private static int depth(Element root) {
        if (root == null) {
            return 0;
        }
        int[] max = {0};
        org.jsoup.select.NodeTraversor.traverse((node, d) -> {
            if (d > max[0]) {
                max[0] = d;
            }
        }, root);
        return max[0];
    }

    /** Empties every element at {@code maxDepth}, so nothing deeper is read. */
    private static void prune(Element root, int maxDepth) {
        List<Element> cut = new ArrayList<>();
        org.jsoup.select.NodeTraversor.traverse((node, d) -> {
            if (d == maxDepth && node instanceof Element e) {
                cut.add(e);
            }
        }, root);
        cut.forEach(Element::empty);
    }

    private static JsonNode newsArticleLd(Document doc) {
        for (Element s : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode n = JSON.readTree(s.data());
                JsonNode hit = findArticle(n);
                if (hit != null) {
                    return hit;
                }
            } catch (java.io.IOException e) {
                continue; // malformed JSON-LD is common on news pages; the meta tags still count
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isArray()) {
            for (JsonNode x : n) {
                JsonNode h = findArticle(x);
                if (h != null) {
                    return h;
                }
            }
            return null;
        }
        if (n.has("@graph")) {
            return findArticle(n.get("@graph"));
        }
        JsonNode t = n.get("@type");
        String type = t == null ? "" : t.isArray() && t.size() > 0 ? t.get(0).asText() : t.asText();
        return type.endsWith("Article") || type.equals("ReportageNewsArticle") ? n : null;
    }

    private static String meta(Document doc, String name) {
        Element e = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "], meta[itemprop=" + name + "]");
        return e == null ? null : blankToNull(e.attr("content"));
    }

    private static String attr(Document doc, String sel, String attr) {
        Element e = doc.selectFirst(sel);
        return e == null ? null : blankToNull(e.attr(attr));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.isTextual() ? n.asText() : n.isArray() && n.size() > 0 ? text(n.get(0)) : null;
    }

    static String host(String uri) {
        if (uri == null || !(uri.startsWith("http://") || uri.startsWith("https://"))) {
            return null;
        }
        try {
            String h = URI.create(uri.replace(" ", "%20")).getHost();
            if (h == null) {
                return null;
            }
            h = h.toLowerCase(Locale.ROOT);
            return h.startsWith("www.") ? h.substring(4) : h;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}

package org.vnextract.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vnextract.internal.Spaces;
import org.vnextract.internal.Validate;

/**
 * Cleans a plain-text article: drops boilerplate lines ({@link BoilerplateRules}) and the runs of
 * other articles' headlines glued to a line ({@link ChromeRuns}, one warning saying what was cut), reads the date
 * line as the publication date, the first line as title when it reads like a headline (a short
 * section label before it becomes the section), a short final name line as the byline, and drops
 * exact repeats of earlier lines (scraped pages repeat captions and whole paragraphs).
 *
 * <p>Immutable; thread-safe.
 */
public final class TextCleaner {
    /** Lines this far into the article may be the title or date line. */
    private static final int HEAD_LINES = 6;
    private static final int MAX_TITLE = 250;

    private final BoilerplateRules rules;

    public TextCleaner(BoilerplateRules rules) {
        this.rules = Validate.notNull(rules, "rules");
    }

    /** The cleaned article and the warnings met. */
    public record Result(Article article, List<String> warnings) {}

    public Result clean(String text) {
        Validate.notNull(text, "text");
        List<String> warnings = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> chrome = new ArrayList<>();
        int number = 0;
        for (String raw : text.split("\r\n|\r|\n|\u2028|\u2029", -1)) {
            number++;
            String line = normalizeLine(raw);
            if (line.isEmpty()) {
                continue;
            }
            BoilerplateRules.Verdict v = rules.judge(line);
            if (v == BoilerplateRules.Verdict.DROP_REST) {
                break;
            }
            if (v == BoilerplateRules.Verdict.DROP) {
                continue;
            }
            // other articles' headlines glued to the line (read before white space is collapsed:
            // a run of spaces may be all that shows where a headline ends)
            ChromeRuns.Result runs = rules.chrome().cut(raw);
            if (!runs.dropped().isEmpty()) {
                for (ChromeRuns.Dropped d : runs.dropped()) {
                    chrome.add(ChromeRuns.note(d, "line", number));
                }
                line = normalizeLine(runs.text());
            }
            line = rules.strip(line);
            if (line.isEmpty() || rules.judge(line) == BoilerplateRules.Verdict.DROP) {
                continue;
            }
            if (!seen.add(line)) {
                continue; // a repeated caption or paragraph
            }
            lines.add(line);
        }

        String published = null;
        String section = null;
        String title = null;
        List<String> authors = new ArrayList<>();
        // the date line: the first one among the head lines
        for (int i = 0; i < Math.min(HEAD_LINES, lines.size()); i++) {
            DateLines.Published p = DateLines.parse(lines.get(i));
            if (p == null && lines.get(i).toLowerCase(java.util.Locale.ROOT).startsWith("date ")) {
                p = DateLines.parse(lines.get(i).substring(0, Math.min(lines.get(i).length(), 20)));
            }
            if (p != null) {
                published = p.iso();
                if (lines.get(i).toLowerCase(java.util.Locale.ROOT).startsWith("date ")) {
                    String rest = lines.get(i).substring(lines.get(i).indexOf(' ') + 1).strip();
                    rest = rest.length() > 10 && rest.charAt(0) <= '9' ? rest.replaceFirst("^\\d{4}-\\d{2}(?:-\\d{2})?\\s*", "") : rest;
                    if (rest.isEmpty()) {
                        lines.remove(i);
                    } else {
                        lines.set(i, rest);
                    }
                } else if (!(i > 0 && isNumberHeader(lines.get(i - 1))
                        || isDocumentDateLine(lines.get(i)) && numberHeaderNear(lines, i))) {
                    lines.remove(i);
                } // else "Số: 594/KH-UBND" / "Nghệ An, ngày 21 tháng 10 năm 2021" (either order, colon or
                  // not): the reproduced document's own place and date, which its text keeps (its issuing date)
                break;
            }
        }
        // a short section label, then the headline
        if (lines.size() >= 2 && isSectionLabel(lines.get(0)) && looksLikeHeadline(lines.get(1))) {
            section = lines.remove(0);
        }
        if (lines.size() >= 2 && looksLikeHeadline(lines.get(0))) {
            title = lines.remove(0);
        }
        // a short final name line is the byline
        if (!lines.isEmpty() && isByline(lines.get(lines.size() - 1))) {
            String byline = lines.remove(lines.size() - 1);
            if (!isAttribution(byline)) {
                authors.add(byline);
            }
        }
        String cut = ChromeRuns.warning(chrome);
        if (cut != null) {
            warnings.add(cut);
        }
        if (lines.isEmpty() && title == null) {
            warnings.add("no article text left after removing boilerplate");
        }
        return new Result(new Article(title, null, lines, published, authors, section, null), warnings);
    }

    /**
     * Collapses white space (including no-break spaces; zero-width spaces and byte-order marks count
     * as spaces here, so words they separate stay apart) and strips list bullets.
     */
    static String normalizeLine(String raw) {
        String s = Spaces.collapse(raw, "\u200B\uFEFF");
        while (!s.isEmpty() && (s.charAt(0) == '•' || s.charAt(0) == '·' || s.charAt(0) == '▪' || s.charAt(0) == '►')) {
            s = s.substring(1).strip();
        }
        return s;
    }

    /** A formal document's place-and-date line: "Hà Nội, ngày 30 tháng 10 năm 2020" (Nghị định 30/2020/NĐ-CP). */
    private static final java.util.regex.Pattern DOCUMENT_DATE_LINE = java.util.regex.Pattern.compile(
            "[*\\s]*[^,\\d]{2,40},\\s*ngày\\s+\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s+năm\\s+\\d{4}[\\s.]*",
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
    /** "Số 33-HD/BTCTW", "Số: 594/KH-UBND": a header's number line, colon or not. */
    private static final java.util.regex.Pattern NUMBER_LINE = java.util.regex.Pattern.compile(
            "số\\s*:?\\s*\\d{1,5}\\s*[-/]", java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    static boolean isDocumentDateLine(String line) {
        return line.length() <= 80 && DOCUMENT_DATE_LINE.matcher(line).matches();
    }

    /**
     * A document header's number line within two lines of line {@code i}, before or after it, or three lines
     * before it ("Số: 138 /TT-THCSLH / CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập-Tự do-Hạnh phúc / Bình Liêu,
     * Ngày 26 tháng 9 năm 2019": the state's name and motto between).
     */
    static boolean numberHeaderNear(List<String> lines, int i) {
        for (int j = Math.max(0, i - 3); j <= Math.min(lines.size() - 1, i + 2); j++) {
            String l = lines.get(j);
            if (j != i && l.length() <= 80 && (isNumberHeader(l) || NUMBER_LINE.matcher(l).lookingAt())) {
                return true;
            }
        }
        return false;
    }

    /** "Số: 594/KH-UBND", "Nghị quyết số: 653/2019/UBTVQH14": the number line of a document's header. */
    static boolean isNumberHeader(String line) {
        int colon = line.indexOf(':');
        if (colon < 2 || colon > 30 || line.length() > 80) {
            return false;
        }
        String head = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
        return (head.equals("số") || head.endsWith(" số")) && colon + 1 < line.length()
                && line.substring(colon + 1).strip().chars().findFirst().stream().anyMatch(Character::isDigit);
    }

    private static final java.util.regex.Pattern ATTRIBUTION = java.util.regex.Pattern.compile(
            "(?:theo|nguồn)[\\s:]", java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    /** "Theo TTXVN", "Nguồn: VOV": the source an article is taken from, not its author. */
    static boolean isAttribution(String byline) {
        return ATTRIBUTION.matcher(byline).lookingAt();
    }

    static boolean looksLikeHeadline(String line) {
        if (line.length() > MAX_TITLE || line.length() < 8) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        if (last == '.' || last == ';' || last == ',' || last == ':') {
            return false;
        }
        return Character.isUpperCase(line.codePointAt(0)) || Character.isDigit(line.charAt(0)) || line.charAt(0) == '"'
                || line.charAt(0) == '“';
    }

    private static boolean isSectionLabel(String line) {
        return line.length() <= 30 && line.split(" ").length <= 3 && Character.isUpperCase(line.codePointAt(0))
                && line.chars().noneMatch(c -> c == '.' || c == ',' || Character.isDigit(c));
    }

    /** "Hà Lam", "Tổ phóng viên", "Minh Anh (TTXVN)": at most five capitalised words, no sentence. */
    static boolean isByline(String line) {
        if (line.length() > 60) {
            return false;
        }
        String core = line.replaceAll("\\([^)]{0,40}\\)", "").replace("-", " ").strip();
        if (core.isEmpty() || core.endsWith(".") || core.endsWith(":")) {
            return false;
        }
        String[] words = core.split("\\s+");
        if (words.length > 5 || words.length < 1) {
            return false;
        }
        for (String w : words) {
            if (w.isEmpty() || !(Character.isUpperCase(w.codePointAt(0)) || w.equals("và"))) {
                return false;
            }
            for (int i = 0; i < w.length(); i++) {
                if (Character.isDigit(w.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }
}

package org.vnextract.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.PipelineException;

/**
 * The line rules of {@code models/boilerplate/lines.tsv}: which lines of a plain-text article are
 * boilerplate (credits, audio players, share bars, related-article lists); with them the runs of
 * other articles' headlines glued to a line ({@link ChromeRuns}). Loaded once.
 *
 * <p>Immutable; thread-safe.
 */
public final class BoilerplateRules {
    public static final String FILE = "boilerplate/lines.tsv";
    /** Longer lines are body text, never chrome; not testing them keeps every rule cheap. */
    static final int MAX_LINE = 2000;

    enum Action { DROP, DROP_REST, STRIP }

    record Rule(Action action, Pattern pattern, String what) {}

    /** What the rules make of one line. */
    public enum Verdict { KEEP, DROP, DROP_REST }

    private final List<Rule> rules;
    private final ChromeRuns chrome;

    private BoilerplateRules(List<Rule> rules, ChromeRuns chrome) {
        this.rules = List.copyOf(rules);
        this.chrome = chrome;
    }

    /** The runs of other articles' headlines glued to a line ({@code models/boilerplate/runs.tsv}). */
    public ChromeRuns chrome() {
        return chrome;
    }

    public static BoilerplateRules load(ModelSource models) {
        Validate.notNull(models, "models");
        List<Rule> rules = new ArrayList<>();
        int n = 0;
        for (String line : models.lines(FILE)) {
            n++;
            String[] cols = line.split("\t");
            if (cols.length < 2) {
                throw new PipelineException(FILE + ": rule " + n + " needs 'action<TAB>regex': " + line);
            }
            Action a = switch (cols[0].trim().toLowerCase(Locale.ROOT)) {
                case "drop" -> Action.DROP;
                case "drop-rest" -> Action.DROP_REST;
                case "strip" -> Action.STRIP;
                default -> throw new PipelineException(FILE + ": rule " + n + " has unknown action '" + cols[0] + "'");
            };
            try {
                Pattern p = Pattern.compile(cols[1], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                rules.add(new Rule(a, p, cols.length > 2 ? cols[2] : ""));
            } catch (PatternSyntaxException e) {
                throw new PipelineException(FILE + ": rule " + n + " is not a valid regex: " + e.getMessage(), e);
            }
        }
        return new BoilerplateRules(rules, ChromeRuns.load(models));
    }

    /** Applies the strip rules: the line without credits and caption bars (maybe empty). */
    public String strip(String line) {
        if (line.length() > MAX_LINE) {
            return line;
        }
        String s = line;
        for (Rule r : rules) {
            if (r.action() == Action.STRIP) {
                Matcher m = r.pattern().matcher(s);
                if (m.find()) {
                    s = (s.substring(0, m.start()) + s.substring(m.end())).strip();
                }
            }
        }
        return s;
    }

    public Verdict judge(String line) {
        if (line.length() > MAX_LINE) {
            return Verdict.KEEP;
        }
        for (Rule r : rules) {
            if (r.action() != Action.STRIP && r.pattern().matcher(line).find()) {
                return r.action() == Action.DROP ? Verdict.DROP : Verdict.DROP_REST;
            }
        }
        return Verdict.KEEP;
    }
}

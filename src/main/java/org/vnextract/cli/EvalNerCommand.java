package org.vnextract.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vnextract.eval.FMeasure;
import org.vnextract.eval.NerGold;
import org.vnextract.eval.SpanScore;
import org.vnextract.extract.officials.OfficialExtractor;
import org.vnextract.extract.officials.OfficialRules;
import org.vnextract.ner.Entity;
import org.vnextract.ner.Gazetteer;
import org.vnextract.ner.WordSentences;
import org.vnextract.ner.WordTagger;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.segment.SegmentStage;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.TextStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vnextract eval-ner}: precision, recall and F1 per type (PER, ORG, LOC) and overall, exact
 * span and type, of the word-level entity tagger on the hand-annotated split
 * ({@code corpus/ner/test.conll}), next to the gazetteer lookup alone (the baseline: the same
 * gazetteers, longest match, no model), the officials rules' own labels and the officials
 * extractor's ("extractor": the rules' labels with the short organisations the tagger decides,
 * {@link OfficialExtractor#organizations}). Each sentence goes
 * through the text stage and the segmenter as an article of one paragraph; spans are compared in
 * characters (white space not counted), so the word tagger is scored on the gold's syllable spans.
 *
 * <pre>
 * java -jar target/vnextract.jar eval-ner --split=test
 * </pre>
 *
 * <p>Not thread-safe (filled by picocli).
 */
@Command(name = "eval-ner", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "PER/ORG/LOC P/R/F1 of the entity tagger and of the gazetteer lookup alone on corpus/ner/test.conll.")
public final class EvalNerCommand implements Callable<Integer> {
    static final List<String> TYPES = List.of("PER", "ORG", "LOC");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CONLL", description = "The annotated sentences. Default: corpus/ner/test.conll.")
    Path conll = Path.of("corpus/ner/test.conll");

    @Option(names = "--split", paramLabel = "NAME", description = "dev, test or all. Default: ${DEFAULT-VALUE}.")
    String split = "dev";

    @Option(names = "--models", paramLabel = "DIR", description = "Read lexicons and gazetteers from DIR instead of the jar.")
    Path models;

    @Option(names = "--model", paramLabel = "FILE", description = "The tagger's model. Default: the models' " + WordTagger.MODEL + ".")
    Path model;

    @Option(names = "--errors", paramLabel = "SYSTEM",
            description = "Also print each sentence's missed and wrong spans of SYSTEM (tagger, gazetteer, rules, extractor or labels; for dev only).")
    String errors;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ModelSource ms = models == null ? ModelSource.bundled() : ModelSource.directory(models);
        Gazetteer gaz = Gazetteer.load(ms);
        WordTagger tagger;
        try (InputStream in = model == null ? ms.open(WordTagger.MODEL) : Files.newInputStream(model)) {
            tagger = WordTagger.read(in, gaz);
        }
        TextStage text = new TextStage(ms, TextStage.DEFAULT_MAX_CHARS, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);
        SegmentStage segment = SegmentStage.standard(ms);
        OfficialExtractor rules = new OfficialExtractor(ms, OfficialRules.NameSource.RULES);
        org.vnextract.train.EntityTrainer labeller = new org.vnextract.train.EntityTrainer(rules, gaz, org.vnextract.train.LabelCues.load(ms), text, segment,
                org.vnextract.train.EntityTrainer.Settings.defaults());
        // the officials extractor's tagger as the pipeline builds it: each window on its own, answers remembered
        org.vnextract.ner.EntityTagger memo = new org.vnextract.ner.MemoTagger(tagger, 8, 50_000);
        Map<String, SpanScore> scores = new LinkedHashMap<>();
        for (String system : List.of("tagger", "gazetteer", "rules", "extractor", "labels")) {
            scores.put(system, new SpanScore(TYPES));
        }
        int sentences = 0;
        int changed = 0;
        org.vnextract.train.EntityTrainer.Memory memory = new org.vnextract.train.EntityTrainer.Memory();
        String article = "";
        for (NerGold.Sentence s : NerGold.read(conll)) {
            if (!split.equals("all") && !s.split().equals(split)) {
                continue;
            }
            sentences++;
            String art = s.id().substring(0, s.id().lastIndexOf(':'));
            if (!art.equals(article)) {
                memory = new org.vnextract.train.EntityTrainer.Memory();
                article = art;
            }
            AnalyzedText at = text.analyze(List.of(s.text()), false, new ArrayList<>());
            if (!at.text().replaceAll("\\s", "").equals(s.text().replaceAll("\\s", ""))) {
                changed++; // the text stage changed more than spaces: its spans cannot be compared
            }
            Words words = segment.segment(at);
            WordSentences ws = WordSentences.of(at, words);
            int[] goldOff = SpanScore.nonSpaceOffsets(s.text());
            int[] off = SpanScore.nonSpaceOffsets(at.text());
            List<NerGold.Span> gold = new ArrayList<>();
            for (NerGold.Span g : s.entities()) {
                gold.add(new NerGold.Span(goldOff[g.start()], goldOff[g.end()], g.type()));
            }
            List<List<Entity>> tagged = tagger.tag(ws.words());
            List<NerGold.Span> fromTagger = new ArrayList<>();
            List<NerGold.Span> fromGazetteer = new ArrayList<>();
            for (int k = 0; k < ws.words().size(); k++) {
                int first = ws.firstWords()[k];
                for (Entity e : tagged.get(k)) {
                    fromTagger.add(span(words, off, first, e));
                }
                for (Entity e : gaz.lookup(org.vnextract.ner.WordFeatures.syllables(ws.words().get(k)))) {
                    fromGazetteer.add(span(words, off, first, e));
                }
            }
            scores.get("tagger").add(gold, fromTagger);
            scores.get("gazetteer").add(gold, fromGazetteer);
            OfficialRules.Result rr = rules.rulesFind(at, words);
            List<NerGold.Span> fromRules = rulesSpans(rr, off);
            List<NerGold.Span> fromLabels = new ArrayList<>();
            for (int k = 0; k < ws.words().size(); k++) {
                String[] lab = labeller.labels(words, ws.firstWords()[k], ws.words().get(k), rr, new int[3], memory);
                for (opennlp.tools.util.Span sp : org.vnextract.train.EntityTrainer.spansOf(lab)) {
                    fromLabels.add(span(words, off, ws.firstWords()[k], new Entity(sp.getStart(), sp.getEnd(), sp.getType(), 1)));
                }
            }
            scores.get("labels").add(gold, fromLabels);
            scores.get("rules").add(gold, fromRules);
            // the officials extractor's output: the rules, with the short organisations the tagger decides
            OfficialRules.Result decided = new OfficialRules.Result(rr.persons(),
                    rules.organizations(at.text(), rr.organizations(), new org.vnextract.ner.Entities(memo, at, words)),
                    rr.locations(), rr.names());
            List<NerGold.Span> fromExtractor = rulesSpans(decided, off);
            scores.get("extractor").add(gold, fromExtractor);
            if (errors != null) {
                printErrors(out, s, gold, switch (errors) {
                    case "gazetteer" -> fromGazetteer;
                    case "rules" -> fromRules;
                    case "labels" -> fromLabels;
                    case "extractor" -> fromExtractor;
                    default -> fromTagger;
                }, goldOff);
            }
        }
        out.printf(Locale.ROOT, "%s, split %s: %d sentences (%d changed by the text stage beyond spaces)%n",
                conll, split, sentences, changed);
        out.printf(Locale.ROOT, "%-10s %-8s %6s %6s %6s %6s %6s %6s%n", "system", "type", "gold", "pred", "tp", "P", "R", "F1");
        scores.forEach((system, sc) -> {
            for (String t : TYPES) {
                row(out, system, t, sc.of(t));
            }
            row(out, system, "all", sc.overall());
        });
        out.flush();
        return ExitCodes.OK;
    }

    private static void row(PrintWriter out, String system, String type, FMeasure m) {
        out.printf(Locale.ROOT, "%-10s %-8s %6d %6d %6d %6.3f %6.3f %6.3f%n", system, type, m.gold(), m.predicted(),
                m.truePositives(), m.precision(), m.recall(), m.f1());
    }

    private static NerGold.Span span(Words words, int[] off, int first, Entity e) {
        return new NerGold.Span(off[words.start(first + e.start())], off[words.end(first + e.end() - 1)], type(e.type()));
    }

    private static String type(String entityType) {
        return switch (entityType) {
            case Entity.PERSON -> "PER";
            case Entity.ORGANIZATION -> "ORG";
            default -> "LOC";
        };
    }

    /** The rules' names, organisations and places, flat: a span inside an earlier one is dropped. */
    private static List<NerGold.Span> rulesSpans(OfficialRules.Result r, int[] off) {
        List<NerGold.Span> out = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        List<List<OfficialRules.Labelled>> groups = List.of(r.names(), r.organizations(), r.locations());
        String[] types = {"PER", "ORG", "LOC"};
        for (int g = 0; g < 3; g++) {
            for (OfficialRules.Labelled l : groups.get(g)) {
                boolean free = true;
                for (int[] t : taken) {
                    free &= l.end() <= t[0] || l.start() >= t[1];
                }
                if (free) {
                    taken.add(new int[] {l.start(), l.end()});
                    out.add(new NerGold.Span(off[l.start()], off[l.end()], types[g]));
                }
            }
        }
        return out;
    }

    private static void printErrors(PrintWriter out, NerGold.Sentence s, List<NerGold.Span> gold, List<NerGold.Span> pred, int[] goldOff) {
        List<String> lines = new ArrayList<>();
        for (NerGold.Span g : gold) {
            if (!pred.contains(g)) {
                lines.add("  missed " + g.type() + " " + show(s.text(), goldOff, g));
            }
        }
        for (NerGold.Span p : pred) {
            if (!gold.contains(p)) {
                lines.add("  wrong  " + p.type() + " " + show(s.text(), goldOff, p));
            }
        }
        if (!lines.isEmpty()) {
            out.println(s.id() + ": " + s.text());
            lines.forEach(out::println);
        }
    }

    /** The text of a non-space span of {@code text}. */
    private static String show(String text, int[] off, NerGold.Span sp) {
        int a = 0;
        while (a < text.length() && off[a] < sp.start()) {
            a++;
        }
        int b = a;
        while (b < text.length() && off[b + 1] <= sp.end() && off[b] < sp.end()) {
            b++;
        }
        return "[" + text.substring(a, b) + "]";
    }
}

package org.vnextract.record;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vnextract.clean.Article;
import org.vnextract.extract.Mention;
import org.vnextract.extract.relations.DocumentRelation;
import org.vnextract.extract.counts.CountMention;
import org.vnextract.extract.dates.DateMention;
import org.vnextract.extract.dates.Period;
import org.vnextract.extract.documents.DocumentReference;
import org.vnextract.extract.officials.Location;
import org.vnextract.extract.officials.Official;
import org.vnextract.extract.officials.Organization;
import org.vnextract.extract.places.ArticlePlace;
import org.vnextract.extract.places.PlaceFindings;
import org.vnextract.extract.places.PlaceLocation;
import org.vnextract.extract.places.ProvinceRef;
import org.vnextract.ingest.RawDocument;
import org.vnextract.internal.CodePoints;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.text.AnalyzedText;

/**
 * Assembles the {@link ArticleRecord} of a finished {@link Analysis}: every list present (empty
 * when its extractor is not in the pipeline), offsets turned from {@code char} into code-point
 * indices, and the article's warnings in {@code provenance}.
 *
 * <p>Immutable; thread-safe.
 */
public final class RecordBuilder {
    private final String extractor;
    private final Map<String, String> models;

    public RecordBuilder(String version, Map<String, String> models) {
        this.extractor = "vnextract " + Validate.notEmpty(version, "version");
        this.models = Map.copyOf(Validate.notNull(models, "models"));
    }

    public ArticleRecord build(Analysis a) {
        RawDocument raw = a.get(RawDocument.KEY);
        Article art = a.get(Article.KEY);
        AnalyzedText t = a.get(AnalyzedText.KEY);
        CodePoints cp = CodePoints.of(t.text());

        List<ArticleRecord.Official> officials = new ArrayList<>();
        for (Official o : list(a, Official.KEY)) {
            officials.add(new ArticleRecord.Official(o.name(), o.titles(), o.honorific(), mentions(o.mentions(), cp)));
        }
        PlaceFindings places = a.find(PlaceFindings.KEY).orElse(null);
        List<ArticleRecord.Document> documents = new ArrayList<>();
        for (DocumentReference d : list(a, DocumentReference.KEY)) {
            ProvinceRef scope = places == null ? null : places.scopeOf(d.issuerCode(), d.id(), d.issuer());
            documents.add(new ArticleRecord.Document(d.id(), d.type(), d.typeName(), d.number(), d.issuerCode(),
                    d.issuer(), d.date(), d.subject(), d.explicit(),
                    scope == null ? null : new ArticleRecord.ProvinceRef(scope.name(), scope.code()),
                    mentions(d.mentions(), cp)));
        }
        List<ArticleRecord.DateEntry> dates = new ArrayList<>();
        for (DateMention d : list(a, DateMention.KEY)) {
            dates.add(new ArticleRecord.DateEntry(d.value(), d.granularity(), d.text(), mentions(d.mentions(), cp)));
        }
        List<ArticleRecord.Count> counts = new ArrayList<>();
        for (CountMention c : list(a, CountMention.KEY)) {
            counts.add(new ArticleRecord.Count(plain(c.value()), c.unit(), plain(c.total()), plain(c.valueMax()),
                    c.qualifier(), c.text(), cp.toCodePoint(c.start()), cp.toCodePoint(c.end())));
        }
        List<ArticleRecord.Period> periods = a.has(Period.KEY) ? new ArrayList<>() : null;
        if (periods != null) {
            for (Period p : a.get(Period.KEY)) {
                periods.add(new ArticleRecord.Period(p.text(), p.kind(), p.start(), p.end(), mentions(p.mentions(), cp)));
            }
        }
        List<ArticleRecord.Relation> relations = new ArrayList<>();
        for (DocumentRelation r : list(a, DocumentRelation.KEY)) {
            relations.add(new ArticleRecord.Relation(r.from(), r.type(), r.to(), mentions(r.mentions(), cp)));
        }
        List<ArticleRecord.Organization> orgs = a.has(Organization.KEY) ? new ArrayList<>() : null;
        if (orgs != null) {
            for (Organization o : a.get(Organization.KEY)) {
                orgs.add(new ArticleRecord.Organization(o.name(), mentions(o.mentions(), cp)));
            }
        }
        List<ArticleRecord.Location> locs = a.has(Location.KEY) || places != null ? new ArrayList<>() : null;
        ArticleRecord.Place place = null;
        if (places != null) {
            // the places extractor's locations replace the officials' side product
            for (PlaceLocation l : places.locations()) {
                locs.add(new ArticleRecord.Location(l.name(), l.kind(), l.level(), l.code(), l.province(),
                        mentions(l.mentions(), cp)));
            }
            ArticlePlace p = places.place();
            if (p != null) {
                place = new ArticleRecord.Place(p.name(), p.code(),
                        p.afterName() == null ? null : new ArticleRecord.ProvinceRef(p.afterName(), p.afterCode()));
            }
        } else if (locs != null) {
            for (Location l : a.get(Location.KEY)) {
                locs.add(new ArticleRecord.Location(l.name(), l.kind(), mentions(l.mentions(), cp)));
            }
        }
        ArticleRecord.Source source = new ArticleRecord.Source(raw.metadata().uri(), art.site(), raw.format().jsonName());
        ArticleRecord.Article article = new ArticleRecord.Article(art.title(), art.lead(), art.published(), art.authors(),
                art.section(), t.text());
        return new ArticleRecord(ArticleRecord.SCHEMA, raw.metadata().id(), source, article, officials, documents, dates,
                counts, periods, relations, orgs, locs, place, new ArticleRecord.Provenance(extractor, models, a.warnings()));
    }

    private static <T> List<T> list(Analysis a, Key<List<T>> key) {
        return a.find(key).orElse(List.of());
    }

    private static List<ArticleRecord.Mention> mentions(List<Mention> ms, CodePoints cp) {
        List<ArticleRecord.Mention> out = new ArrayList<>(ms.size());
        for (Mention m : ms) {
            out.add(new ArticleRecord.Mention(cp.toCodePoint(m.start()), cp.toCodePoint(m.end()), m.text()));
        }
        return out;
    }

    private static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}

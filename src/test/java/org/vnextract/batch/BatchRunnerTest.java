package org.vnextract.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.vnextract.Vnextract;
import org.vnextract.ingest.ContentType;
import org.vnextract.ingest.IngestResult;
import org.vnextract.ingest.RawDocument;
import org.vnextract.ingest.Rejected;
import org.vnextract.ingest.SourceFormat;
import org.vnextract.ingest.SourceMetadata;
import org.vnextract.record.ArticleRecord;

class BatchRunnerTest {
    private static final Vnextract VX = Vnextract.builder().build();

    private static RawDocument doc(int i) {
        return new RawDocument("doc" + i, SourceFormat.TEXT, ContentType.TEXT,
                "Bài " + i + ". Ngày 5/11/2023, Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số " + (i + 1) + "-NQ/TU.",
                SourceMetadata.of("id" + i, null), List.of());
    }

    private static List<IngestResult> inputs(int n) {
        List<IngestResult> in = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            in.add(i % 17 == 5 ? new Rejected("bad" + i, "empty") : doc(i));
        }
        return in;
    }

    /** Collects what a run delivers, as "position:id" or "position!reason". */
    private static final class Collect implements BatchRunner.Handler {
        final List<String> seen = new ArrayList<>();
        final List<Long> positions = new ArrayList<>();

        @Override
        public void record(long position, RawDocument source, ArticleRecord record) {
            positions.add(position);
            seen.add(position + ":" + record.id());
        }

        @Override
        public void rejected(long position, Rejected rejected) {
            positions.add(position);
            seen.add(position + "!" + rejected.source() + " " + rejected.reason());
        }
    }

    /** Sleeps a random few milliseconds before the real work, so workers finish out of order. */
    private static Function<RawDocument, ArticleRecord> jittered(long seed) {
        return d -> {
            int n = Integer.parseInt(d.source().substring(3));
            try {
                Thread.sleep(new Random(seed + n).nextInt(8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return VX.process(d);
        };
    }

    @Test
    void deliversEveryInputInInputOrderWhateverTheThreads() throws Exception {
        List<IngestResult> in = inputs(200);
        Collect one = new Collect();
        try (BatchRunner r = BatchRunner.builder(VX).threads(1).build()) {
            r.run(in.iterator(), one);
        }
        Collect four = new Collect();
        BatchRunner.Summary s;
        try (BatchRunner r = BatchRunner.builder(jittered(7)).threads(4).build()) {
            s = r.run(in.iterator(), four);
        }
        assertThat(four.seen).isEqualTo(one.seen);
        assertThat(four.positions).isSorted().hasSize(200);
        assertThat(s.rejected()).isEqualTo(12);
        assertThat(s.records()).isEqualTo(188);
    }

    @Test
    void unorderedDeliversEachInputOnce() throws Exception {
        List<IngestResult> in = inputs(300);
        Collect c = new Collect();
        try (BatchRunner r = BatchRunner.builder(jittered(11)).threads(4).unordered().build()) {
            r.run(in.iterator(), c);
        }
        assertThat(c.positions).doesNotHaveDuplicates().hasSize(300);
        assertThat(c.positions).isNotEqualTo(c.positions.stream().sorted().toList()); // order really was free
    }

    @Test
    void skipsPositionsAlreadyDone() throws Exception {
        Collect c = new Collect();
        BatchRunner.Summary s;
        try (BatchRunner r = BatchRunner.builder(VX).threads(2).skip(p -> p < 50 || p % 2 == 0).build()) {
            s = r.run(inputs(100).iterator(), c);
        }
        assertThat(c.positions).hasSize(25).allMatch(p -> p >= 50 && p % 2 == 1);
        assertThat(s.skipped()).isEqualTo(75);
    }

    @Test
    void anArticleThatThrowsBecomesARejectionAndTheBatchGoesOn() throws Exception {
        Collect c = new Collect();
        try (BatchRunner r = BatchRunner.builder(d -> {
            if (d.source().equals("doc3")) {
                throw new IllegalStateException("boom");
            }
            return VX.process(d);
        }).threads(2).build()) {
            r.run(inputs(10).iterator(), c);
        }
        assertThat(c.seen).hasSize(10).contains("3!doc3 internal error: java.lang.IllegalStateException: boom");
    }

    /**
     * A worker stuck in a loop that ignores interrupts must not hold the output: the article is
     * abandoned after the limit, a fresh worker takes over, and the rest arrive in order.
     */
    @Test
    void aRunawayArticleIsAbandonedAfterTheLimitAndTheRestFollowInOrder() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        Function<RawDocument, ArticleRecord> work = d -> {
            if (d.source().equals("doc2") || d.source().equals("doc9")) {
                long spins = 0;
                while (!release.get()) {
                    spins++; // a runaway loop: deaf to interrupts
                }
                if (spins < 0) {
                    throw new AssertionError();
                }
            }
            return VX.process(d);
        };
        Collect c = new Collect();
        BatchRunner.Summary s;
        long t0 = System.nanoTime();
        try (BatchRunner r = BatchRunner.builder(work).threads(2).maxSecondsPerArticle(1).build()) {
            s = r.run(inputs(40).iterator(), c);
            assertThat(r.abandonedWorkers()).isEqualTo(2);
        } finally {
            release.set(true);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        assertThat(c.positions).isSorted().hasSize(40);
        assertThat(c.seen).contains("2!doc2 took longer than 1 s", "9!doc9 took longer than 1 s");
        assertThat(s.timedOut()).isEqualTo(2);
        // both runaways were abandoned (1 s each, possibly overlapping), not waited for forever
        assertThat(secs).isLessThan(30);
    }

    @Test
    void unorderedARunawayIsAbandonedEvenWhileOthersKeepFlowing() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        Function<RawDocument, ArticleRecord> work = d -> {
            if (d.source().equals("doc1")) {
                while (!release.get()) {
                    Thread.onSpinWait(); // deaf to interrupts
                }
            } else {
                try {
                    Thread.sleep(5); // a steady flow of quick articles
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return VX.process(d);
        };
        Collect c = new Collect();
        try (BatchRunner r = BatchRunner.builder(work).threads(2).unordered().maxSecondsPerArticle(1).build()) {
            r.run(inputs(600).iterator(), c);
        } finally {
            release.set(true);
        }
        assertThat(c.positions).doesNotHaveDuplicates().hasSize(600);
        assertThat(c.seen).contains("1!doc1 took longer than 1 s");
    }
}

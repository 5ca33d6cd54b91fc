package org.vnextract.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.vnextract.internal.Validate;

/**
 * A small load generator for {@code vnextract serve}: N clients on their own threads, released
 * together, each sending R requests one after the other to the same URL; counts anything but a
 * 200 as an error and reports latency percentiles. For loopback use against a local server:
 * {@code java -cp target/vnextract.jar org.vnextract.web.LoadClient URL [CLIENTS] [ROUNDS]}.
 *
 * <p>Each {@link #run} is independent; the class holds no state.
 */
public final class LoadClient {
    /** What a run measured: latencies of every request, in nanoseconds, sorted. */
    public record Result(int requests, int errors, List<String> errorSamples, long[] latencies, double seconds) {
        public double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(i, latencies.length - 1))] / 1e6;
        }

        public String summary() {
            return String.format("%d requests, %d errors, %.2f s, %.0f req/s; latency ms p50 %.1f p90 %.1f p99 %.1f max %.1f",
                    requests, errors, seconds, requests / seconds, percentileMillis(50), percentileMillis(90),
                    percentileMillis(99), percentileMillis(100));
        }
    }

    private LoadClient() {}

    public static Result run(URI uri, int clients, int rounds) throws InterruptedException {
        Validate.notNull(uri, "uri");
        Validate.positive(clients, "clients");
        Validate.positive(rounds, "rounds");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build();
        long[] lat = new long[clients * rounds];
        AtomicInteger errors = new AtomicInteger();
        List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int base = c * rounds;
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        if (resp.statusCode() != 200 || resp.body().length == 0) {
                            errors.incrementAndGet();
                            if (samples.size() < 5) {
                                samples.add("status " + resp.statusCode());
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (samples.size() < 5) {
                            samples.add(e.toString());
                        }
                    }
                    lat[base + r] = System.nanoTime() - t0;
                }
            }, "load-client-" + c);
            threads.add(t);
            t.start();
        }
        ready.await();
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Arrays.sort(lat);
        return new Result(lat.length, errors.get(), List.copyOf(samples), lat, secs);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LoadClient URL [CLIENTS=200] [ROUNDS=5]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        if (!List.of("127.0.0.1", "localhost", "::1", "[::1]").contains(uri.getHost())) {
            System.err.println("LoadClient: only loopback targets (127.0.0.1, localhost)");
            System.exit(2);
        }
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        run(uri, Math.min(clients, 20), 1); // warm-up
        Result r = run(uri, clients, rounds);
        System.out.println(r.summary());
        r.errorSamples().forEach(s -> System.out.println("  error: " + s));
        System.exit(r.errors() == 0 ? 0 : 1);
    }
}

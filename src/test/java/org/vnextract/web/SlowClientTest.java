package org.vnextract.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vnextract.record.ArticleRecord;
import org.vnextract.store.Database;
import org.vnextract.store.RecordStore;
import org.vnextract.store.StoreReader;
import org.vnextract.store.TestStores;

/**
 * Regression (issue 14, item 5): as many slow clients as worker threads, each sending its request
 * head a byte at a time, stopped the server answering anyone. Over loopback only: real sockets
 * that dribble a header that never ends, and a normal client beside them. Every loop is bounded.
 */
class SlowClientTest {
    static final String HEAD = "GET /search?q=slow HTTP/1.1\r\nHost: 127.0.0.1\r\n";

    @TempDir
    static Path tmp;

    static StoreReader reader;

    @BeforeAll
    static void store() throws Exception {
        Database db = Database.of(tmp.resolve("slow.db").toString());
        try (RecordStore s = RecordStore.open(db)) {
            for (ArticleRecord r : TestStores.seeds()) {
                s.write(r);
            }
            s.commit();
        }
        reader = StoreReader.open(db, 4);
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    /** Sockets that each sent the first byte of a request and send one more byte every 100 ms, never finishing the head. */
    static final class Dribblers implements AutoCloseable {
        final List<Socket> sockets = new ArrayList<>();
        final AtomicBoolean stop = new AtomicBoolean();
        final Thread thread;

        Dribblers(int port, int n) throws IOException {
            for (int i = 0; i < n; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                s.setSoTimeout(100);
                s.getOutputStream().write(HEAD.charAt(0));
                s.getOutputStream().flush();
                sockets.add(s);
            }
            thread = new Thread(() -> {
                // at most 30 s of dribbling, 300 rounds; a socket the server closed is left alone
                for (int round = 1; round <= 300 && !stop.get(); round++) {
                    byte b = (byte) (round < HEAD.length() ? HEAD.charAt(round) : 'x');
                    for (Socket s : sockets) {
                        try {
                            OutputStream out = s.getOutputStream();
                            out.write(b);
                            out.flush();
                        } catch (IOException closedByTheServer) {
                            // expected once the server gives up on this client
                        }
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "dribbler");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws Exception {
            stop.set(true);
            thread.join(5000);
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(2)).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void fortySlowClientsDoNotStopOthersBeingAnsweredWithinTwoSeconds() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        try (WebServer server = WebServer.start(reader, new InetSocketAddress("127.0.0.1", 0), 16);
             Dribblers slow = new Dribblers(server.port(), 40)) {
            Thread.sleep(500); // every slow client has reached the server and sent a few bytes
            for (String path : List.of("/health", "/search?q=" + Html.url("Đảng"), "/api/search?q=dang", "/")) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = get(http, server.port(), path); // times out (fails) after 2 s
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                assertThat((System.nanoTime() - t0) / 1e9).as(path).isLessThan(2.0);
            }
        }
    }

    @Test
    void aClientThatNeverFinishesItsHeadIsDisconnectedAtTheDeadline() throws Exception {
        WebServer.Limits limits = new WebServer.Limits(WebServer.Limits.DEFAULT.maxConnections(), Duration.ofSeconds(1),
                WebServer.Limits.DEFAULT.writeTimeout());
        try (WebServer server = WebServer.start(reader, new InetSocketAddress("127.0.0.1", 0), 4, limits);
             Dribblers slow = new Dribblers(server.port(), 3)) {
            for (Socket s : slow.sockets) {
                assertThat(readUntilClosed(s, 6_000)).as("closed by the server").isNotNull();
            }
        }
    }

    @Test
    void connectionsOverTheCapAreRefusedAndTheServerRecovers() throws Exception {
        WebServer.Limits limits = new WebServer.Limits(4, Duration.ofSeconds(1), WebServer.Limits.DEFAULT.writeTimeout());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        try (WebServer server = WebServer.start(reader, new InetSocketAddress("127.0.0.1", 0), 2, limits)) {
            try (Dribblers slow = new Dribblers(server.port(), 4)) {
                Thread.sleep(300);
                // a fifth connection while four heads are being read: closed at once, not queued behind them
                try (Socket extra = new Socket()) {
                    extra.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
                    extra.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    assertThat(readUntilClosed(extra, 2_000)).as("closed without an answer").isEmpty();
                }
                // the slow ones are dropped at the deadline, and then everyone is served again
                for (Socket s : slow.sockets) {
                    assertThat(readUntilClosed(s, 6_000)).as("closed by the server").isNotNull();
                }
                HttpResponse<String> r = get(http, server.port(), "/health");
                assertThat(r.statusCode()).isEqualTo(200);
            }
        }
    }

    /**
     * What the server sent on {@code s} before closing it (end of stream or reset), or null when it
     * is still open after {@code millis}.
     */
    static String readUntilClosed(Socket s, long millis) throws IOException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        InputStream in = s.getInputStream();
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        s.setSoTimeout(100);
        while (System.nanoTime() < deadline) {
            try {
                int n = in.read(buf);
                if (n < 0) {
                    return got.toString(StandardCharsets.ISO_8859_1);
                }
                got.write(buf, 0, n);
            } catch (SocketTimeoutException stillOpen) {
                // keep waiting until the deadline
            } catch (IOException reset) {
                return got.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }
}

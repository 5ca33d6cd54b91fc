package org.vnextract.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vnextract.store.Database;
import org.vnextract.store.StoreReader;
import org.vnextract.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vnextract serve}: the web page and JSON API over a database, read-only, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Serve a search page and a JSON API over the database, read-only.",
                "API: /api/documents/{id}, /api/officials?q=, /api/search?q=. Stops on Ctrl-C."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:the database could not be opened or the port bound", "2:usage error"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption dbOption;

    @Option(names = "--port", paramLabel = "N", description = "Port (default ${DEFAULT-VALUE}; 0 for any free port).")
    int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (default ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all).")
    String bind = "127.0.0.1";

    @Option(names = "--threads", paramLabel = "N", description = {"Database connections the requests share (default ${DEFAULT-VALUE}).",
            "Each connection being read or answered has a thread of its own, up to 256 at once; a request head"
                    + " must arrive within 10 s and a response be taken within 30 s, so slow clients cannot hold up the others."})
    int threads = 16;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1 || port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1 and --port 0..65535");
        }
        Database database = dbOption.database();
        StoreReader reader;
        try {
            reader = StoreReader.open(database, threads);
        } catch (SQLException e) {
            throw new Failure(ExitCodes.FAILED, database.describe(), e.getMessage(), e);
        }
        WebServer server;
        try {
            server = WebServer.start(reader, new InetSocketAddress(bind, port), threads);
        } catch (IOException e) {
            reader.close();
            throw new Failure(ExitCodes.FAILED, bind + ":" + port, "cannot listen: " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            reader.close();
            stopped.countDown();
        }, "vnextract-serve-stop"));
        err.println("vnextract: serving " + database.describe() + " on http://" + bind + ":" + server.port() + "/ (Ctrl-C stops)");
        err.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}

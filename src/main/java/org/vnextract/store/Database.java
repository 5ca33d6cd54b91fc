package org.vnextract.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import org.sqlite.SQLiteConfig;
import org.vnextract.internal.Validate;

/**
 * Where the records live: a SQLite file (the default, {@code vnextract.db}) or a PostgreSQL server
 * ({@code jdbc:postgresql://host/db?user=…}). Opens connections set up the same way every time:
 * writable ones for loading (foreign keys on, WAL so that readers are never blocked, write lock
 * taken at BEGIN so that two loaders queue instead of dead-locking) and read-only ones for the
 * look-up commands and the web server, which the database itself refuses to write through.
 *
 * <p>Immutable; thread-safe (each call opens a new connection).
 */
public final class Database {
    /** The SQL dialects the store speaks; each has its own migrations under {@code db/<name>/}. */
    public enum Dialect {
        SQLITE("sqlite"), POSTGRESQL("postgresql");

        private final String dir;

        Dialect(String dir) {
            this.dir = dir;
        }

        public String dir() {
            return dir;
        }
    }

    public static final String DEFAULT_FILE = "vnextract.db";

    private final String url;
    private final Dialect dialect;
    private final Path file; // SQLite only

    private Database(String url, Dialect dialect, Path file) {
        this.url = url;
        this.dialect = dialect;
        this.file = file;
    }

    /**
     * Reads what users pass to {@code --db}: a JDBC URL ({@code jdbc:sqlite:…},
     * {@code jdbc:postgresql:…}) or a plain file path, which means SQLite.
     */
    public static Database of(String db) {
        Validate.notEmpty(db, "db");
        if (db.startsWith("jdbc:postgresql:")) {
            return new Database(db, Dialect.POSTGRESQL, null);
        }
        if (db.startsWith("jdbc:sqlite:")) {
            String path = db.substring("jdbc:sqlite:".length());
            Validate.isTrue(!path.isEmpty() && !path.startsWith(":memory:") && !path.startsWith("file:"), "db",
                    "must name a SQLite file (in-memory databases cannot be shared between connections): " + db);
            return new Database(db, Dialect.SQLITE, Path.of(path));
        }
        Validate.isTrue(!db.startsWith("jdbc:"), "db", "is a JDBC URL of an unsupported database: " + db
                + " (use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB)");
        return new Database("jdbc:sqlite:" + db, Dialect.SQLITE, Path.of(db));
    }

    /** The default database: {@code $VNEXTRACT_DB} when set, else {@code vnextract.db} here. */
    public static String defaultLocation() {
        String env = System.getenv("VNEXTRACT_DB");
        return env == null || env.isBlank() ? DEFAULT_FILE : env;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The URL without any password, for messages. */
    public String describe() {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** A connection for loading: auto-commit off, one transaction at a time. */
    public Connection openWritable() throws SQLException {
        Connection c;
        if (dialect == Dialect.SQLITE) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new SQLException("the directory of the database does not exist: " + parent);
            }
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.enforceForeignKeys(true);
            cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
            cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            cfg.setBusyTimeout(30_000);
            cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            c = DriverManager.getConnection(url, cfg.toProperties());
        } else {
            c = DriverManager.getConnection(url, pgProperties());
        }
        c.setAutoCommit(false);
        return c;
    }

    /**
     * A connection that cannot write: SQLite opens the file read-only, PostgreSQL runs every
     * transaction of the session read-only. Auto-commit stays on (each query is its own snapshot).
     *
     * @throws SQLException when there is no database yet
     */
    public Connection openReadOnly() throws SQLException {
        if (dialect == Dialect.SQLITE) {
            if (!Files.isRegularFile(file)) {
                throw new SQLException("no database at " + file + " (run `vnextract load RECORDS.jsonl --db "
                        + file + "` first)");
            }
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.setReadOnly(true);
            cfg.setBusyTimeout(30_000);
            Connection c = DriverManager.getConnection(url, cfg.toProperties());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA query_only = 1");
            }
            return c;
        }
        Connection c = DriverManager.getConnection(url, pgProperties());
        c.setReadOnly(true);
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }
        return c;
    }

    /** The password from {@code PGPASSWORD} when the URL gives none, as psql does. */
    private Properties pgProperties() {
        Properties p = new Properties();
        String pw = System.getenv("PGPASSWORD");
        if (pw != null && !url.toLowerCase(Locale.ROOT).contains("password=")) {
            p.setProperty("password", pw);
        }
        String user = System.getenv("PGUSER");
        if (user != null && !url.toLowerCase(Locale.ROOT).contains("user=")) {
            p.setProperty("user", user);
        }
        return p;
    }

    @Override
    public String toString() {
        return describe();
    }
}

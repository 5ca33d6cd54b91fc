package org.vnextract.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vnextract.internal.Sha256;
import org.vnextract.internal.Validate;

/**
 * Forward-only schema migrations: plain SQL files {@code db/<dialect>/V001.sql, V002.sql, …} on the
 * classpath, applied in order, each in its own transaction, and recorded in {@code schema_version}
 * with a checksum. A shipped migration that was edited after a database applied it, or a database
 * newer than this program, stops the program with a message instead of guessing.
 *
 * <p>Why not Flyway: the store needs one SQL file per dialect anyway (FTS5 against tsvector), both
 * databases run DDL inside transactions, and this runner is the sixty lines Flyway would be used
 * for, without its module split (the PostgreSQL support is a separate artifact) or its SQLite
 * quirks. The {@code schema_version} table keeps what Flyway's history table would.
 *
 * <p>Stateless; thread-safe. Concurrent runners are serialised by the database (an advisory lock
 * on PostgreSQL, the write lock of {@code BEGIN IMMEDIATE} on SQLite).
 */
public final class Migrations {
    /** One versioned SQL file. */
    public record Migration(int version, String description, String sql, String checksum) {}

    private static final long PG_LOCK = 0x766e6578L; // "vnex"

    private Migrations() {}

    /** The migrations shipped for a dialect, in order; there are no gaps. */
    public static List<Migration> bundled(Database.Dialect d) {
        Validate.notNull(d, "d");
        List<Migration> out = new ArrayList<>();
        for (int v = 1; ; v++) {
            String name = String.format("db/%s/V%03d.sql", d.dir(), v);
            try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    break;
                }
                String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String first = sql.lines().findFirst().orElse("").replaceFirst("^--\\s*", "").strip();
                out.add(new Migration(v, first, sql, Sha256.hex(sql.getBytes(StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration " + name, e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no migrations for " + d + " on the classpath (db/" + d.dir() + "/V001.sql)");
        }
        return out;
    }

    public static int latest(Database.Dialect d) {
        List<Migration> all = bundled(d);
        return all.get(all.size() - 1).version();
    }

    /** The version a database is at: 0 when it has no schema yet. Works on read-only connections. */
    public static int currentVersion(Connection c) throws SQLException {
        if (!hasVersionTable(c)) {
            return 0;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Brings the database to the latest version. The connection must have auto-commit off.
     *
     * @return how many migrations were applied
     */
    public static int migrate(Connection c, Database.Dialect d) throws SQLException {
        Validate.notNull(c, "c");
        Validate.isTrue(!c.getAutoCommit(), "c", "must have auto-commit off");
        List<Migration> all = bundled(d);
        lock(c, d);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                    + " checksum TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        Map<Integer, String> applied = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version, checksum FROM schema_version")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        c.commit();
        int latest = all.get(all.size() - 1).version();
        for (int v : applied.keySet()) {
            if (v > latest) {
                throw new SQLException("the database is at schema version " + v + ", newer than this vnextract knows ("
                        + latest + "); use a newer vnextract");
            }
        }
        int n = 0;
        for (Migration m : all) {
            String done = applied.get(m.version());
            if (done != null) {
                if (!done.equals(m.checksum())) {
                    throw new SQLException("migration V" + m.version() + " was changed after this database applied it"
                            + " (checksum " + done + " in the database, " + m.checksum() + " shipped); write a new migration instead");
                }
                continue;
            }
            lock(c, d);
            try {
                if (currentVersion(c) >= m.version()) { // another process got there first
                    c.commit();
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    for (String stmt : statements(m.sql())) {
                        s.execute(stmt);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.description());
                    ps.setString(3, m.checksum());
                    ps.setString(4, Instant.now().toString());
                    ps.executeUpdate();
                }
                c.commit();
                n++;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw new SQLException("migration V" + m.version() + " failed: " + e.getMessage(), e);
            }
        }
        return n;
    }

    private static void lock(Connection c, Database.Dialect d) throws SQLException {
        if (d == Database.Dialect.POSTGRESQL) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + PG_LOCK + ")");
            }
        }
        // SQLite: the connection begins its transactions IMMEDIATE, which takes the write lock
    }

    private static boolean hasVersionTable(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        try (ResultSet rs = md.getTables(null, schema, "schema_version", null)) {
            return rs.next();
        }
    }

    /** The statements of a file: each ends with ";" at the end of a line; comment-only chunks are skipped. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : sql.split("\n", -1)) {
            cur.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                add(out, cur);
                cur.setLength(0);
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder chunk) {
        StringBuilder code = new StringBuilder();
        for (String l : chunk.toString().split("\n")) {
            if (!l.strip().startsWith("--")) {
                code.append(l).append('\n');
            }
        }
        String s = code.toString().strip();
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}

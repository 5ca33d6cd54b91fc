package org.vnextract.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of read-only connections, opened up front and lent out one caller at a time (a JDBC
 * connection is not safe for concurrent use). A caller that waits longer than the timeout gets an
 * {@link SQLException} rather than hanging a web request forever.
 *
 * <p>Thread-safe.
 */
final class ReadPool implements AutoCloseable {
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private final long timeoutMillis;

    ReadPool(Database db, int size, long timeoutMillis) throws SQLException {
        this.idle = new ArrayBlockingQueue<>(size);
        this.timeoutMillis = timeoutMillis;
        try {
            for (int i = 0; i < size; i++) {
                Connection c = db.openReadOnly();
                all.add(c);
                idle.add(c);
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    /** Work done with one connection. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T with(Work<T> work) throws SQLException {
        Connection c;
        try {
            c = idle.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", e);
        }
        if (c == null) {
            throw new SQLException("no database connection free after " + timeoutMillis + " ms");
        }
        try {
            return work.run(c);
        } finally {
            idle.add(c);
        }
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing: nothing left to do with a connection that will not close
            }
        }
    }
}

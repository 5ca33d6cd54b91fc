package org.vnextract.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.vnextract.internal.Validate;

/**
 * {@code export --format parquet}: every table of {@link TableExport} (the store's tables and the
 * flat ones, within its filter) as {@code <table>.parquet} in a directory, written by DuckDB's JDBC
 * driver: the rows are read from the store, appended to an in-memory DuckDB table with the store
 * column's type (integers as BIGINT, decimals as DOUBLE, the flat tables' {@code article_date} as
 * DATE, everything else VARCHAR), and written with
 * {@code COPY … (FORMAT parquet, COMPRESSION zstd)}. Nothing is downloaded (no DuckDB extension is
 * used), so it works offline.
 *
 * <p>Not thread-safe (one export at a time per instance).
 */
public final class ParquetExport {
    private final TableExport tables;

    public ParquetExport(TableExport tables) {
        this.tables = Validate.notNull(tables, "tables");
    }

    /** Writes every table into {@code dir}; returns the number of rows written per table, in order. */
    public Map<String, Long> write(Path dir) throws IOException, SQLException {
        Validate.notNull(dir, "dir");
        Files.createDirectories(dir);
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDBConnection dc = duck.unwrap(DuckDBConnection.class);
            for (String t : TableExport.tableNames()) {
                out.put(t, table(dc, t, dir.resolve(t + ".parquet")));
            }
        }
        return out;
    }

    private long table(DuckDBConnection duck, String table, Path file) throws SQLException {
        List<String> dateColumns = new ArrayList<>();
        return tables.reader().withConnection(c -> {
            TableExport.Select s = tables.select(c, table);
            long rows = 0;
            try (PreparedStatement ps = c.prepareStatement(s.sql())) {
                ps.setFetchSize(1000);
                ArticleFilter.bind(ps, 1, s.args());
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<Integer> cols = new ArrayList<>();
                    List<Character> kinds = new ArrayList<>(); // 'L' long, 'D' double, 'S' string
                    StringBuilder ddl = new StringBuilder("CREATE TABLE export_rows (");
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                        if (Exporter.skipped(name)) { // seq, and the matching-only folded columns
                            continue;
                        }
                        char kind = kind(md.getColumnType(i));
                        if (DATE_COLUMNS.contains(name)) {
                            dateColumns.add(name);
                        }
                        cols.add(i);
                        kinds.add(kind);
                        ddl.append(cols.size() > 1 ? ", " : "").append('"').append(name.replace("\"", "\"\"")).append("\" ")
                                .append(kind == 'L' ? "BIGINT" : kind == 'D' ? "DOUBLE" : "VARCHAR");
                    }
                    ddl.append(')');
                    try (Statement st = duck.createStatement()) {
                        st.execute("DROP TABLE IF EXISTS export_rows");
                        st.execute(ddl.toString());
                    }
                    try (DuckDBAppender app = duck.createAppender("main", "export_rows")) {
                        while (rs.next()) {
                            app.beginRow();
                            for (int j = 0; j < cols.size(); j++) {
                                int i = cols.get(j);
                                switch (kinds.get(j)) {
                                    case 'L' -> {
                                        long v = rs.getLong(i);
                                        if (rs.wasNull()) {
                                            app.appendNull();
                                        } else {
                                            app.append(v);
                                        }
                                    }
                                    case 'D' -> {
                                        double v = rs.getDouble(i);
                                        if (rs.wasNull()) {
                                            app.appendNull();
                                        } else {
                                            app.append(v);
                                        }
                                    }
                                    default -> {
                                        String v = rs.getString(i);
                                        if (v == null) {
                                            app.appendNull();
                                        } else {
                                            app.append(v);
                                        }
                                    }
                                }
                            }
                            app.endRow();
                            rows++;
                        }
                    }
                }
            }
            try (Statement st = duck.createStatement()) {
                // the flat tables' article_date (the first ten characters of published) is a DATE in the file
                String select = dateColumns.isEmpty() ? "export_rows" : "(SELECT * REPLACE ("
                        + String.join(", ", dateColumns.stream().map(n -> "TRY_CAST(\"" + n + "\" AS DATE) AS \"" + n + "\"").toList())
                        + ") FROM export_rows)";
                st.execute("COPY " + select + " TO '" + file.toAbsolutePath().toString().replace("'", "''")
                        + "' (FORMAT parquet, COMPRESSION zstd)");
                st.execute("DROP TABLE export_rows");
            }
            return rows;
        });
    }

    /** Columns written as text of the form YYYY-MM-DD that the Parquet file holds as DATE. */
    static final List<String> DATE_COLUMNS = List.of("article_date");

    private static char kind(int sqlType) {
        return switch (sqlType) {
            case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT -> 'L';
            case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.NUMERIC, Types.DECIMAL -> 'D';
            default -> 'S';
        };
    }
}

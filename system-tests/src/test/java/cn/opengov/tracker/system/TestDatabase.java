package cn.opengov.tracker.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct access to the test run's database: counts that prove nothing was lost or doubled, and bulk data. */
final class TestDatabase {

    private TestDatabase() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("test.db.url", "jdbc:postgresql://127.0.0.1:5432/tracker_test"),
                System.getProperty("test.db.user", "postgres"), System.getProperty("test.db.password", ""));
    }

    static long count(String sql, Object... args) throws SQLException {
        try (Connection c = connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The bench's seeded synthetic data set (bench/src/main/resources/dataset.sql), a slice of it. */
    static void appendSyntheticRequests(long seed, int first, int count) throws SQLException, IOException {
        Path root = Path.of(System.getProperty("tracker.jars", "..")).toAbsolutePath().normalize();
        String sql = Files.readString(root.resolve("bench/src/main/resources/dataset.sql"), StandardCharsets.UTF_8)
                .replace(":'seed'", "'" + seed + "'").replace(":first", String.valueOf(first))
                .replace(":requests", String.valueOf(count));
        execute("""
                INSERT INTO agency (code, name, parent_code, path) VALUES ('PROV', '某省', 'ROOT', '/ROOT/PROV/') ON CONFLICT DO NOTHING;
                INSERT INTO agency (code, name, parent_code, path)
                SELECT 'C' || lpad(i::text, 2, '0'), '某市' || i, 'PROV', '/ROOT/PROV/C' || lpad(i::text, 2, '0') || '/'
                FROM generate_series(1, 20) i ON CONFLICT DO NOTHING;
                INSERT INTO agency (code, name, parent_code, path)
                SELECT 'B' || lpad(i::text, 4, '0'), '某部门' || i, 'C' || lpad((((i - 1) / 100) + 1)::text, 2, '0'),
                       '/ROOT/PROV/C' || lpad((((i - 1) / 100) + 1)::text, 2, '0') || '/B' || lpad(i::text, 4, '0') || '/'
                FROM generate_series(1, 2000) i ON CONFLICT DO NOTHING""");
        execute(sql);
    }
}

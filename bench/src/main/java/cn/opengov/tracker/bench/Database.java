package cn.opengov.tracker.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct JDBC to the bench database: set-up, the synthetic data set, counts. */
final class Database {

    private final Options options;

    Database(Options options) {
        this.options = options;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(options.jdbcUrl(), options.dbUser(), options.dbPassword());
    }

    /** Drops and creates the bench database (through the maintenance database of the same server). */
    void recreate() throws SQLException {
        String url = options.jdbcUrl();
        String name = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, options.dbUser(), options.dbPassword());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
    }

    /** Whether the bench database already holds at least {@code requests} requests (false when it does not exist). */
    boolean holdsRequests(int requests) {
        try {
            return count("SELECT count(*) FROM domain_event_entry WHERE type = 'InformationRequest' AND sequence_number = 0") >= requests;
        } catch (SQLException absent) {
            return false;
        }
    }

    /** A rebuild requested by a run that was stopped: the rebuild this run asks for replaces it. */
    void forgetPendingRebuild() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM projection_rebuild");
        }
    }

    /** A province, 20 cities and 2,000 departments (B0001…B2000, 100 per city). */
    void createAgencies() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO agency (code, name, parent_code, path) VALUES ('PROV', '某省', 'ROOT', '/ROOT/PROV/') ON CONFLICT DO NOTHING");
            s.execute("""
                    INSERT INTO agency (code, name, parent_code, path)
                    SELECT 'C' || lpad(i::text, 2, '0'), '某市' || i, 'PROV', '/ROOT/PROV/C' || lpad(i::text, 2, '0') || '/'
                    FROM generate_series(1, 20) i ON CONFLICT DO NOTHING""");
            s.execute("""
                    INSERT INTO agency (code, name, parent_code, path)
                    SELECT 'B' || lpad(i::text, 4, '0'), '某部门' || i, 'C' || lpad((((i - 1) / 100) + 1)::text, 2, '0'),
                           '/ROOT/PROV/C' || lpad((((i - 1) / 100) + 1)::text, 2, '0') || '/B' || lpad(i::text, 4, '0') || '/'
                    FROM generate_series(1, 2000) i ON CONFLICT DO NOTHING""");
        }
    }

    /** Appends requests number first … first+count-1 of the seeded data set to the event store. */
    void appendRequests(int first, int count) throws SQLException, IOException {
        String sql;
        try (InputStream in = Database.class.getResourceAsStream("/dataset.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        sql = sql.replace(":'seed'", "'" + options.seed() + "'").replace(":first", String.valueOf(first))
                .replace(":requests", String.valueOf(count));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET work_mem = '256MB'");
            s.execute(sql);
            // millions of rows in one go: give the planner the statistics autovacuum would gather within minutes
            s.execute("ANALYZE domain_event_entry");
        }
    }

    /**
     * The table of the command side's bare endpoint (POST /api/bench/bare): shaped like domain_event_entry, with its
     * keys, so that a row costs what an event's row costs. The bench's alone, never in the product's migrations.
     */
    void createBareTable() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS bench_bare_event (
                        global_index         BIGSERIAL    PRIMARY KEY,
                        event_identifier     VARCHAR(255) NOT NULL UNIQUE,
                        aggregate_identifier VARCHAR(255) NOT NULL,
                        sequence_number      BIGINT       NOT NULL,
                        type                 VARCHAR(255),
                        time_stamp           VARCHAR(255) NOT NULL,
                        payload_type         VARCHAR(255) NOT NULL,
                        payload_revision     VARCHAR(255),
                        payload              BYTEA        NOT NULL,
                        meta_data            BYTEA,
                        UNIQUE (aggregate_identifier, sequence_number))""");
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

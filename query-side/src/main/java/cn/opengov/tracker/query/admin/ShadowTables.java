package cn.opengov.tracker.query.admin;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An online rebuild (issue 18): the read models are rebuilt into empty copies of their tables in a schema of their
 * own, while readers go on reading the live tables, and the copies take the live tables' place in one short step at
 * the end of the rebuild's transaction. Before, the rebuild emptied the live tables themselves: TRUNCATE holds its
 * lock until the transaction ends, so every reader waited, and after 5 s answered 503, for the whole rebuild.
 * <p>
 * The writers name their tables without a schema; with the copies' schema first on the transaction's
 * {@code search_path} they write into the copies and read everything else (agencies, the event store, the tokens)
 * where it is. A copy has the live table's columns, defaults, checks, indexes and primary key under the same
 * names, so a writer that drops and recreates an index by name (the search's) finds the copy's.
 */
final class ShadowTables {

    /** Every table a reset empties, that is every table the rebuild writes (a reset that empties another fails). */
    static final List<String> REBUILT = List.of("board_rollup", "board_tally", "carry_rollup", "carry_tally", "case_rollup", "case_tally", "dashboard_tally",
            "dashboard_tally_rebuild", "deadline_board", "fee_rollup", "fee_tally", "matrix_rollup", "matrix_tally",
            "published_report", "request_view", "year_closure");

    static final String COPIES = "tracker_rebuild";
    private static final String REPLACED = "tracker_replaced";
    /** A reader in the way of the swap waits at most this long, then the swap tries again. */
    private static final Duration SWAP_LOCK_WAIT = Duration.ofMillis(200);
    private static final Duration SWAP_PATIENCE = Duration.ofSeconds(60);
    /** The VACUUM after a rebuild waits this long at most for transactions older than the rebuild to end. */
    private static final Duration VACUUM_PATIENCE = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final String live;

    private ShadowTables(JdbcTemplate jdbc, String live) {
        this.jdbc = jdbc;
        this.live = live;
    }

    /**
     * Creates the empty copies and points the transaction's writes at them. A copies' schema left by a rebuild
     * that did not commit was rolled back with it; one left otherwise is stale and dropped.
     */
    static ShadowTables open(JdbcTemplate jdbc) {
        String live = jdbc.queryForObject("SELECT current_schema()", String.class);
        ShadowTables shadow = new ShadowTables(jdbc, live);
        jdbc.execute("DROP SCHEMA IF EXISTS " + COPIES + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + COPIES);
        for (String table : REBUILT) {
            shadow.copy(table);
        }
        jdbc.execute("SET LOCAL search_path = " + COPIES + ", " + quoted(live));
        return shadow;
    }

    private void copy(String table) {
        boolean unlogged = "u".equals(jdbc.queryForObject(
                "SELECT relpersistence::text FROM pg_class WHERE oid = ?::regclass", String.class, qualified(live, table)));
        jdbc.execute("CREATE " + (unlogged ? "UNLOGGED " : "") + "TABLE " + qualified(COPIES, table) + " (LIKE "
                + qualified(live, table) + " INCLUDING ALL EXCLUDING INDEXES)");
        // indexes under their own names (INCLUDING INDEXES would invent new ones); pg_get_indexdef names the table
        // schema-qualified, quoted where it must be, as quote_ident does
        List<String[]> indexes = jdbc.query("SELECT c.relname, pg_get_indexdef(i.indexrelid), "
                        + "' ON ' || quote_ident(n.nspname) || '.' || quote_ident(t.relname) || ' ', "
                        + "coalesce((SELECT k.conname FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype = 'p'), '') "
                        + "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid "
                        + "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE i.indrelid = ?::regclass ORDER BY c.relname",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                qualified(live, table));
        for (String[] index : indexes) {
            if (!index[1].contains(index[2])) {
                throw new IllegalStateException("unexpected index definition of " + table + ": " + index[0]);
            }
            jdbc.execute(index[1].replace(index[2], " ON " + qualified(COPIES, table) + " "));
            if (!index[3].isEmpty()) {
                jdbc.execute("ALTER TABLE " + qualified(COPIES, table) + " ADD CONSTRAINT " + quoted(index[3])
                        + " PRIMARY KEY USING INDEX " + quoted(index[0]));
            }
        }
    }

    /**
     * The reset must have emptied only copies: a live table locked for TRUNCATE here would hold every reader until
     * the rebuild ends (a table missing from {@link #REBUILT}).
     */
    void requireLiveTablesUntouched() {
        List<String> locked = jdbc.queryForList("SELECT c.relname::text FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                + "WHERE l.pid = pg_backend_pid() AND l.mode = 'AccessExclusiveLock' AND c.relkind IN ('r', 'p') "
                + "AND c.relnamespace = ?::regnamespace ORDER BY 1", String.class, quoted(live));
        if (!locked.isEmpty()) {
            throw new IllegalStateException("the rebuild emptied live tables " + locked
                    + ": add them to ShadowTables.REBUILT so that it rebuilds copies of them");
        }
    }

    /**
     * The copies hold every row of the read models at once, and PostgreSQL's planner knows nothing about them (new
     * tables: their size unknown); autovacuum, where it runs at all, gets to them a minute or more later. Until then
     * it plans as for empty tables: a search for a word of every description over a province read 1 M rows through
     * the bigram index (2.3 s) instead of the newest-first index (1.3 ms). So they are analyzed before the swap, in
     * the rebuild's transaction: the statistics commit with the rows (ANALYZE reads a fixed sample of each table).
     */
    void analyzeCopies() {
        jdbc.execute("ANALYZE " + String.join(", ", REBUILT.stream().map(t -> qualified(COPIES, t)).toList()));
    }

    /**
     * Every page of the rebuilt tables marked visible to all, after the swap, outside any transaction (VACUUM cannot
     * run in one). Rows a transaction wrote are checked against its commit by the first statement that reads each
     * page, which then sets the page's hint bits and so dirties it: after a 10 M rebuild a search over a province
     * read 18,626 pages and wrote 8,382 of them back (a third of its 705 ms). VACUUM does that once, for every page,
     * and sets the visibility map, which the board's index-only scans need to skip the table. Autovacuum would do it
     * too, where it runs, but later and on its own schedule (and this server has it off).
     * <p>
     * VACUUM marks a page visible to all only if no transaction still running could miss its rows: one of this
     * database that began before the rebuild committed (a reader, a batch) is waited for, up to {@link
     * #VACUUM_PATIENCE}; the hint bits it sets either way.
     *
     * @param rebuildXid the rebuild's transaction id ({@link #transactionId})
     */
    static void vacuumRebuilt(JdbcTemplate jdbc, long rebuildXid) {
        long deadline = System.nanoTime() + VACUUM_PATIENCE.toNanos();
        String xid = Long.toString(rebuildXid & 0xFFFF_FFFFL);
        while (System.nanoTime() < deadline && jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL "
                + "AND age(backend_xmin) >= age(?::text::xid)", Long.class, xid) > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        jdbc.execute("VACUUM (ANALYZE FALSE) " + String.join(", ", REBUILT.stream().map(ShadowTables::quoted).toList()));
    }

    /** The current transaction's id (the rebuild's, for {@link #vacuumRebuilt}). */
    static long transactionId(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT pg_current_xact_id()::text::bigint", Long.class);
    }

    /**
     * The copies become the live tables: the live ones are moved aside and dropped, in one step that holds their
     * locks only until the transaction commits. Readers in the way are waited for briefly each time, never for
     * long: a reader waiting on one table while holding another would otherwise deadlock with the swap.
     */
    void swap() {
        jdbc.execute("SET LOCAL search_path = " + quoted(live));
        long deadline = System.nanoTime() + SWAP_PATIENCE.toNanos();
        jdbc.execute("SET LOCAL lock_timeout = '" + SWAP_LOCK_WAIT.toMillis() + "ms'");
        while (true) {
            jdbc.execute("SAVEPOINT swap");
            try {
                jdbc.execute("LOCK TABLE " + String.join(", ", REBUILT.stream().map(t -> qualified(live, t)).toList())
                        + " IN ACCESS EXCLUSIVE MODE");
                jdbc.execute("RELEASE SAVEPOINT swap");
                break;
            } catch (DataAccessException busy) {
                jdbc.execute("ROLLBACK TO SAVEPOINT swap");
                if (System.nanoTime() > deadline) {
                    // readers have had a minute of chances; now they wait (and give up after their own 5 s)
                    jdbc.execute("SET LOCAL lock_timeout = '60s'");
                }
            }
        }
        jdbc.execute("CREATE SCHEMA " + REPLACED);
        for (String table : REBUILT) {
            Map<String, String> statistics = statisticsOf(live, table);
            statistics.values().forEach(name -> jdbc.execute("ALTER STATISTICS " + qualified(live, name) + " SET SCHEMA " + REPLACED));
            jdbc.execute("ALTER TABLE " + qualified(live, table) + " SET SCHEMA " + REPLACED);
            jdbc.execute("ALTER TABLE " + qualified(COPIES, table) + " SET SCHEMA " + quoted(live));
            // extended statistics (the search's, V140) stay in the schema they were made in when their table moves:
            // the live table's went aside with it above, the copy's (LIKE ... INCLUDING ALL named them anew) come in
            // under the names they replace
            statisticsOf(live, table).forEach((definition, name) -> {
                String kept = statistics.getOrDefault(definition, name);
                if (!kept.equals(name)) {
                    jdbc.execute("ALTER STATISTICS " + qualified(COPIES, name) + " RENAME TO " + quoted(kept));
                }
                jdbc.execute("ALTER STATISTICS " + qualified(COPIES, kept) + " SET SCHEMA " + quoted(live));
            });
            // a serial column's sequence moved aside with the table it was made for: it comes back, with the new one
            List<String[]> sequences = jdbc.query("SELECT s.relname, a.attname FROM pg_depend d "
                    + "JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' "
                    + "JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid "
                    + "WHERE d.refobjid = ?::regclass AND d.deptype = 'a'",
                    (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, qualified(REPLACED, table));
            for (String[] sequence : sequences) {
                // (an owned sequence must be in its table's schema: let go, move, own again)
                jdbc.execute("ALTER SEQUENCE " + qualified(REPLACED, sequence[0]) + " OWNED BY NONE");
                jdbc.execute("ALTER SEQUENCE " + qualified(REPLACED, sequence[0]) + " SET SCHEMA " + quoted(live));
                jdbc.execute("ALTER SEQUENCE " + qualified(live, sequence[0]) + " OWNED BY "
                        + qualified(live, table) + "." + quoted(sequence[1]));
            }
        }
        jdbc.execute("DROP SCHEMA " + REPLACED + " CASCADE");
        jdbc.execute("DROP SCHEMA " + COPIES);
    }

    /** The extended statistics on a table (in whatever schema they are), by what they are on: name. */
    private Map<String, String> statisticsOf(String schema, String table) {
        Map<String, String> byDefinition = new HashMap<>();
        jdbc.query("SELECT stxname, stxkeys::text || coalesce(pg_get_statisticsobjdef_expressions(oid)::text, '') "
                        + "|| stxkind::text FROM pg_statistic_ext WHERE stxrelid = ?::regclass",
                (RowCallbackHandler) rs -> byDefinition.put(rs.getString(2), rs.getString(1)), qualified(schema, table));
        return byDefinition;
    }

    private static String qualified(String schema, String table) {
        return quoted(schema) + "." + quoted(table);
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

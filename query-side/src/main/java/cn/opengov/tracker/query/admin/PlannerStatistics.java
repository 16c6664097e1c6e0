package cn.opengov.tracker.query.admin;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * A rebuild writes every row of the read models at once into tables that PostgreSQL's planner knows nothing about
 * (new, or emptied by TRUNCATE: their size unknown), and autovacuum, where it runs at all, gets to them a minute or
 * more later. Until then it plans as for empty tables: a search for a word of every description over a province
 * read 1 M rows through the bigram index (2.3 s) instead of the newest-first index (1.3 ms). So the rebuild
 * analyzes what it wrote, in its own transaction: the statistics commit with the rows.
 */
final class PlannerStatistics {

    private PlannerStatistics() {
    }

    /** ANALYZE the tables (as the transaction's search_path finds them); it reads a fixed sample of each. */
    static void refresh(JdbcTemplate jdbc, List<String> tables) {
        jdbc.execute("ANALYZE " + String.join(", ", tables.stream().map(t -> "\"" + t.replace("\"", "\"\"") + "\"").toList()));
    }
}

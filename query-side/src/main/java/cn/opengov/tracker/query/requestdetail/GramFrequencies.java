package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.query.replica.ReplicaReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How common each gram of the search is among the requests, as PostgreSQL's statistics tell it: ANALYZE samples the
 * table and keeps the most common elements of {@code request_search_statistics_keys(search_grams)} (V140's
 * extended statistics: each gram's key without its month, {@link SearchGrams#statisticsKey}) with the share
 * of rows that have each ({@code pg_stats_ext_exprs.most_common_elems}, {@code most_common_elem_freqs}); any other
 * element is rarer than the rarest of those. V140 and every rebuild analyze the table; the numbers are read again
 * every few minutes. They only choose how to look (which grams, which order): what matches is the {@code ILIKE}'s.
 */
@Component
public class GramFrequencies {

    /** Statistics change when the table is analyzed (a rebuild, V120, autovacuum where it runs): read them again. */
    static final long KEPT_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final JdbcTemplate jdbc;
    private volatile Known known;

    public GramFrequencies(ReplicaReads reads) {
        this.jdbc = reads.jdbc();
    }

    /**
     * The statistics as last read: each common gram's share of the rows, the share below which every other gram
     * lies, and about how many rows there are; {@link Known#NONE} before the table was ever analyzed.
     */
    Known known() {
        Known k = known;
        if (k == null || System.nanoTime() - k.readAt() > KEPT_NANOS) {
            k = read();
            known = k;
        }
        return k;
    }

    /** Forgets what was read (after a rebuild or an ANALYZE, for whoever must see the new numbers at once). */
    void forget() {
        known = null;
    }

    private Known read() {
        // whether every row carries its triples (V130): until then the search asks for pairs only
        boolean triples = Boolean.TRUE.equals(jdbc.queryForObject("SELECT triples FROM search_grams_scheme", Boolean.class));
        // the one expression statistics of the table (a rebuild's copy of it has another name)
        List<Known> rows = jdbc.query("SELECT s.most_common_elems::text::integer[] AS grams, s.most_common_elem_freqs AS shares, "
                        + "c.reltuples::bigint AS estimated_rows FROM pg_stats_ext_exprs s JOIN pg_class c ON c.relname = s.tablename "
                        + "AND c.relnamespace = s.schemaname::regnamespace WHERE s.schemaname = current_schema() "
                        + "AND s.tablename = 'request_view' AND s.expr LIKE '%request_search_statistics_keys(%' LIMIT 1",
                (rs, i) -> known(rs.getArray("grams"), rs.getArray("shares"), rs.getLong("estimated_rows"), triples));
        return rows.isEmpty() ? Known.NONE.readNow(triples) : rows.get(0);
    }

    private static Known known(Array grams, Array shares, long rows, boolean triples) throws SQLException {
        if (grams == null || shares == null) {
            // no element was common enough to keep: every gram is rare, but how rare is not known
            return new Known(Map.of(), 0, Math.max(rows, 0), triples, System.nanoTime());
        }
        Integer[] g = (Integer[]) grams.getArray();
        Float[] f = (Float[]) shares.getArray();
        Map<Integer, Double> frequencies = new HashMap<>();
        for (int i = 0; i < g.length && i < f.length; i++) {
            frequencies.put(g[i], (double) f[i]);
        }
        // after the elements' shares come the smallest and the largest of them, and the share of null elements
        double rarest = f.length > g.length ? f[g.length] : frequencies.values().stream().mapToDouble(d -> d).min().orElse(0);
        return new Known(frequencies, rarest, Math.max(rows, 0), triples, System.nanoTime());
    }

    /**
     * @param frequencies the share of rows that have each common gram
     * @param rarerThan   every other gram is in fewer rows than this share (PostgreSQL guesses half of it)
     * @param rows        about how many requests there are
     * @param triples     whether every row carries the triples of its texts, not only the pairs (SearchGrams)
     */
    record Known(Map<Integer, Double> frequencies, double rarerThan, long rows, boolean triples, long readAt) {

        static final Known NONE = new Known(null, 0, 0, false, 0);

        Known readNow(boolean triples) {
            return new Known(frequencies, rarerThan, rows, triples, System.nanoTime());
        }

        boolean analyzed() {
            return frequencies != null;
        }

        /** About how many requests a share of them is; unbounded while nothing is known. */
        double rowsOf(double share) {
            return analyzed() ? share * rows : Double.POSITIVE_INFINITY;
        }

        /** The share of rows with the gram: its own when common, else half the rarest common one's, as PostgreSQL guesses. */
        double of(int gram) {
            Double f = frequencies.get(SearchGrams.statisticsKey(gram));
            return f != null ? f : rarerThan / 2;
        }
    }
}

package cn.opengov.tracker.query.projection;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Counts to add to the rows of a pre-aggregated table, summed per key ({@link Tally.Moves} adds +1 and -1).
 * Written once per key, in key order, to the rows of the batch's segment, with
 * {@code INSERT … ON CONFLICT DO UPDATE SET n = n + EXCLUDED.n}.
 */
public final class TallyDeltas<K extends Comparable<K>> {

    private final Map<K, Long> deltas = new TreeMap<>();

    public void add(K key, long n) {
        deltas.merge(key, n, Long::sum);
    }

    /** The sums so far, in key order, zeros left out. */
    public SortedMap<K, Long> net() {
        SortedMap<K, Long> net = new TreeMap<>();
        deltas.forEach((key, n) -> {
            if (n != 0) {
                net.put(key, n);
            }
        });
        return net;
    }

    /**
     * @param upsert  the statement, its parameters the key's columns, then the segment, then the delta
     * @param columns the key's column values, in the statement's order
     */
    public void flush(JdbcTemplate jdbc, String upsert, Function<K, Object[]> columns, int segment) {
        List<Object[]> rows = new ArrayList<>();
        deltas.forEach((key, n) -> {
            if (n != 0) {
                Object[] keyColumns = columns.apply(key);
                Object[] row = new Object[keyColumns.length + 2];
                System.arraycopy(keyColumns, 0, row, 0, keyColumns.length);
                row[keyColumns.length] = segment;
                row[keyColumns.length + 1] = n;
                rows.add(row);
            }
        });
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(upsert, rows);
        }
    }
}

package cn.opengov.tracker.query.rollup;

import cn.opengov.tracker.platform.directory.Agency;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.directory.AgencyDirectory.AgencyTree;
import cn.opengov.tracker.query.projection.ReadModelWriter;
import cn.opengov.tracker.query.projection.Tally;
import cn.opengov.tracker.query.projection.TallyDeltas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Issue 18: the tallies summed per ancestor ({@link RollUpTable}), so that a report over an agency and all its
 * descendants reads one agency's worth of rows however many departments the tree holds.
 * <p>
 * A roll-up is right for one version of the agency tree (the last row of {@code rollup_state}); a report uses it only
 * while the tree is still that version, and otherwise sums the departments' own tallies as before. A projection
 * batch writes its deltas to the tallies, then takes {@link #LOCK} shared (to its commit), reads the tree and adds
 * the deltas to the ancestors of each delta's agency. A re-roll (after a rebuild, at start, after any change of the
 * tree) takes the lock exclusively, reads the tree's version and sums the tallies again. So a batch either committed
 * before the re-roll's sums (which then hold its deltas once, for the tree of now), or its tally rows are not in them
 * and it adds its deltas to the ancestors after the re-roll, in a tree at least as new as the one recorded (a newer
 * one leaves the roll-ups unused until the next re-roll). The lock is taken after the tally rows, not before: a
 * rebuild empties the tallies first and re-rolls last, and a batch waiting on the emptied tables while holding the
 * lock would deadlock with it.
 */
@Component
public class RollUps implements ReadModelWriter {

    private static final Logger log = LoggerFactory.getLogger(RollUps.class);
    /** The advisory lock between projection batches (shared) and re-rolls (exclusive). */
    static final long LOCK = 0x526f6c6c5570L;
    /** The tree version the roll-ups were last summed for (query V100). */
    public static final String RECORDED = "SELECT tree_version FROM rollup_state ORDER BY id DESC LIMIT 1";

    private final JdbcTemplate jdbc;
    private final AgencyDirectory agencies;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate rerollTransaction;
    private final boolean read;
    private volatile Ancestry ancestry = new Ancestry(null, Map.of());

    /**
     * @param read false: the reports sum the departments' own tallies, as before issue 18 (the roll-ups are kept all
     *             the same); for comparing the two, or should a roll-up ever be in doubt
     */
    public RollUps(JdbcTemplate jdbc, AgencyDirectory agencies, PlatformTransactionManager transactions,
                   @Value("${tracker.rollups.read:true}") boolean read) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.read = read;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        readOnly.setReadOnly(true);
        this.rerollTransaction = new TransactionTemplate(transactions);
    }

    /**
     * A batch of the live projection moving the counts of {@code tallies}: each delta under its agency's row of
     * the tally (as {@link Tally#batch} does) and under the rows of the agency's ancestors in the roll-up.
     */
    public ReadModelWriter.Batch batch(int segment, RollUpTable.RolledUp<?>... tallies) {
        List<RolledMoves<?>> moves = java.util.Arrays.stream(tallies).<RolledMoves<?>>map(RolledMoves::new).toList();
        return new ReadModelWriter.Batch() {
            @Override
            public void changed(cn.opengov.tracker.api.request.state.RequestState before,
                                cn.opengov.tracker.api.request.state.RequestState after) {
                moves.forEach(m -> m.moves.changed(before, after));
            }

            @Override
            public void flush() {
                if (moves.stream().allMatch(m -> m.moves.net().isEmpty())) {
                    return;
                }
                moves.forEach(m -> m.moves.flush(jdbc, segment));
                jdbc.execute("SELECT pg_advisory_xact_lock_shared(" + LOCK + ")");
                Map<String, List<String>> up = ancestors(agencies.tree());
                moves.forEach(m -> m.flushAncestors(jdbc, up, segment));
            }
        };
    }

    private static final class RolledMoves<K extends Comparable<K>> {
        private final RollUpTable.RolledUp<K> rolled;
        private final Tally.Moves<K> moves;

        RolledMoves(RollUpTable.RolledUp<K> rolled) {
            this.rolled = rolled;
            this.moves = rolled.tally().moves();
        }

        void flushAncestors(JdbcTemplate jdbc, Map<String, List<String>> up, int segment) {
            addToAncestors(jdbc, rolled.table(), rolled.tally().columns(), moves.net(), up, segment);
        }
    }

    /**
     * A batch of the live projection whose writer works out its counts itself ({@code DeadlineBoardWriter}: from the
     * rows it replaces, as their due dates were computed): {@code deltas} under the agency's rows of {@code table}'s
     * tally ({@code upsert} takes the key's {@code columns}, the agency first, then the segment and the count) and
     * under the rows of the agency's ancestors in its roll-up, as {@link #batch} does. Its keys come and go (a due
     * date's lines are all answered in the end): a row that comes to 0 is removed, so that the rows a tree's board
     * reads are the due dates of its open lines, not every due date there ever was.
     */
    public <K extends Comparable<K>> void add(int segment, RollUpTable table, String upsert, Function<K, Object[]> columns,
                                              TallyDeltas<K> deltas) {
        java.util.SortedMap<K, Long> net = deltas.net();
        if (net.isEmpty()) {
            return;
        }
        deltas.flush(jdbc, upsert, columns, segment);
        // (any move may bring a row to 0: the segment -1 rows of a holiday notice's recomputation go below it too)
        List<Object[]> moved = new ArrayList<>();
        net.forEach((key, n) -> moved.add(withSegment(java.util.Arrays.asList(columns.apply(key)), segment)));
        prune(table.pruneTally(), moved);
        jdbc.execute("SELECT pg_advisory_xact_lock_shared(" + LOCK + ")");
        Map<String, List<String>> up = ancestors(agencies.tree());
        addToAncestors(jdbc, table, columns, net, up, segment);
        List<Object[]> movedUp = new ArrayList<>();
        for (Object[] row : moved) {
            for (String ancestor : up.getOrDefault((String) row[0], List.of())) {
                Object[] key = row.clone();
                key[0] = ancestor;
                movedUp.add(key);
            }
        }
        prune(table.pruneRollUp(), movedUp);
    }

    private static Object[] withSegment(List<Object> key, int segment) {
        List<Object> row = new ArrayList<>(key);
        row.add(segment);
        return row.toArray();
    }

    private void prune(String delete, List<Object[]> keys) {
        if (!keys.isEmpty()) {
            jdbc.batchUpdate(delete, keys);
        }
    }

    private static <K> void addToAncestors(JdbcTemplate jdbc, RollUpTable table, Function<K, Object[]> columnsOf,
                                           Map<K, Long> net, Map<String, List<String>> up, int segment) {
        Map<List<Object>, Long> sums = new HashMap<>();
        for (Map.Entry<K, Long> e : net.entrySet()) {
            Object[] columns = columnsOf.apply(e.getKey());
            for (String ancestor : up.getOrDefault((String) columns[0], List.of())) {
                List<Object> key = new ArrayList<>(java.util.Arrays.asList(columns));
                key.set(0, ancestor);
                sums.merge(key, e.getValue(), Long::sum);
            }
        }
        List<Object[]> rows = new ArrayList<>(sums.size());
        sums.forEach((key, n) -> {
            if (n != 0) {
                List<Object> row = new ArrayList<>(key);
                row.add(segment);
                row.add(n);
                rows.add(row.toArray());
            }
        });
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(table.upsert(), rows);
        }
    }

    /** Every agency's proper ancestors in {@code tree} (as {@link RollUpTable#ANCESTRY} has them), kept per tree. */
    Map<String, List<String>> ancestors(AgencyTree tree) {
        Ancestry known = ancestry;
        if (known.tree() == tree) {
            return known.up();
        }
        Map<String, List<String>> up = new HashMap<>();
        for (Agency agency : tree.byCode().values()) {
            List<String> ancestors = new ArrayList<>();
            for (String code : agency.path().split("/")) {
                Agency ancestor = code.isEmpty() || code.equals(agency.code()) ? null : tree.byCode().get(code);
                if (ancestor != null && agency.isWithin(ancestor)) {
                    ancestors.add(code);
                }
            }
            up.put(agency.code(), List.copyOf(ancestors));
        }
        ancestry = new Ancestry(tree, up);
        return up;
    }

    private record Ancestry(AgencyTree tree, Map<String, List<String>> up) {
    }

    /** The roll-ups are kept by the tallies' batches ({@link #batch}); this one has nothing of its own to write. */
    @Override
    public Batch newBatch(int segment) {
        return Batch.NOTHING;
    }

    /** With the tallies emptied the roll-ups are emptied too, and unused until summed again. */
    @Override
    public void reset() {
        jdbc.execute("TRUNCATE " + String.join(", ", java.util.Arrays.stream(RollUpTable.values()).map(RollUpTable::rollUp).toList()));
        jdbc.update("INSERT INTO rollup_state (tree_version) VALUES (-1)");
    }

    /**
     * Sums every roll-up again from the tallies, for the tree of now, in the caller's transaction (a rebuild's,
     * after its tallies are summed). Waits for the projection batches in flight.
     */
    public void reroll() {
        jdbc.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
        long started = System.nanoTime();
        // read after the lock: every batch that read an older tree has committed, and is in what is summed here
        // (a rebuild reads its snapshot's version, which the agency rows it joins are of)
        long version = jdbc.queryForObject("SELECT version FROM agency_tree_version", Long.class);
        for (RollUpTable table : RollUpTable.values()) {
            jdbc.update("DELETE FROM " + table.rollUp());
            jdbc.update(table.reroll());
        }
        jdbc.update("INSERT INTO rollup_state (tree_version) VALUES (?)", version);
        log.info("roll-ups summed for agency tree version {} in {} ms", version, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * At start and every few seconds: the roll-ups are summed again when the tree changed since (or they never
     * were), once, by whichever node comes first.
     */
    @Scheduled(fixedDelayString = "${tracker.rollups.check-ms:2000}", initialDelay = 1000)
    public void rerollWhenStale() {
        // a rebuild (V10's projection_rebuild) sums them at its end, and holds the tallies until then
        if (!stale() || Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM projection_rebuild)", Boolean.class))) {
            return;
        }
        try {
            rerollTransaction.executeWithoutResult(status -> {
                // never wait long while holding the lock: a rebuild that started meanwhile holds the tallies and
                // wants this lock at its end; giving up before deadlock_timeout (1 s) leaves the rebuild unharmed
                // (PostgreSQL would otherwise break the deadlock by failing either), and the next look tries again
                jdbc.execute("SET LOCAL lock_timeout = '500ms'");
                jdbc.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
                if (stale()) {
                    reroll();
                    jdbc.update("DELETE FROM rollup_state WHERE id < (SELECT max(id) FROM rollup_state)");
                }
            });
        } catch (RuntimeException e) {
            log.warn("roll-ups not summed again this time ({}); the reports sum the departments' tallies meanwhile",
                    e.getClass().getSimpleName());
        }
    }

    private boolean stale() {
        return !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT r.tree_version = t.version FROM (" + RECORDED + ") r, agency_tree_version t", Boolean.class));
    }

    /**
     * Reads a report from the roll-ups when {@code codes} are exactly one agency and all its descendants in the
     * current tree, and the roll-ups are summed for that tree: {@code reader} gets the agency, in a read-only
     * transaction of one snapshot (the roll-ups and the tallies it reads agree). Empty otherwise: the caller sums
     * the agencies' own tallies.
     */
    public <T> Optional<T> read(List<String> codes, Function<String, T> reader) {
        if (!read || codes.size() < 2) {
            return Optional.empty();
        }
        AgencyTree tree = agencies.tree();
        Optional<String> root = subtreeRoot(tree, codes);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        return readOnly.execute(status -> {
            Long version = jdbc.query("SELECT r.tree_version FROM (" + RECORDED + ") r, agency_tree_version t "
                    + "WHERE r.tree_version = t.version", rs -> rs.next() ? rs.getLong(1) : null);
            if (version == null || version != tree.version()) {
                return Optional.<T>empty();
            }
            return Optional.of(reader.apply(root.get()));
        });
    }

    /** The agency whose subtree {@code codes} are, exactly, in {@code tree}. */
    static Optional<String> subtreeRoot(AgencyTree tree, List<String> codes) {
        Agency top = null;
        for (String code : codes) {
            Agency agency = tree.byCode().get(code);
            if (agency == null) {
                return Optional.empty();
            }
            if (top == null || agency.path().length() < top.path().length()) {
                top = agency;
            }
        }
        Set<String> asked = new HashSet<>(codes);
        List<String> subtree = tree.codesOf(top.code(), true);
        return subtree.size() == asked.size() && asked.containsAll(subtree) ? Optional.of(top.code()) : Optional.empty();
    }
}

package cn.opengov.tracker.query.projection;

import cn.opengov.tracker.api.request.state.RequestState;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.function.Function;

/**
 * A pre-aggregated table of counts (section 三's and 四's tallies): each request counts once under each key its
 * state gives ({@code keys}), and a change of state moves it from the keys of the old state to those of the new
 * one — so reclassifications and corrections need no special case. {@code upsert} takes the key's
 * {@code columns}, then the segment, then the count to add.
 */
public record Tally<K extends Comparable<K>>(String upsert, Function<RequestState, Collection<K>> keys,
                                             Function<K, Object[]> columns) {

    /** The moves of one batch. */
    public Moves<K> moves() {
        return new Moves<>(this);
    }

    /**
     * A batch's moves: -1 under every key of the state before, +1 under every key of the state after, summed per
     * key; written once per key, in key order, to the rows of the batch's segment, so that segments never wait on
     * each other's locks.
     */
    public static final class Moves<K extends Comparable<K>> {

        private final Tally<K> tally;
        private final TallyDeltas<K> deltas = new TallyDeltas<>();

        private Moves(Tally<K> tally) {
            this.tally = tally;
        }

        /** @param before null for a new request */
        public void changed(RequestState before, RequestState after) {
            if (before != null) {
                tally.keys().apply(before).forEach(key -> deltas.add(key, -1));
            }
            tally.keys().apply(after).forEach(key -> deltas.add(key, 1));
        }

        /** The net moves so far, by key in key order, zeros left out. */
        public java.util.SortedMap<K, Long> net() {
            return deltas.net();
        }

        public void flush(JdbcTemplate jdbc, int segment) {
            deltas.flush(jdbc, tally.upsert(), tally.columns(), segment);
        }
    }

    /**
     * A bulk rebuild's batch: the batch's net counts (from empty states) are copied into {@code staging} — the key's
     * columns, then {@code n} — with no conflict to check; the writer sums the staged rows into its table once, when
     * the rebuild has handed over every request ({@link ReadModelWriter#rebuildFinished()}).
     */
    public static <K extends Comparable<K>> ReadModelWriter.Batch staged(JdbcTemplate jdbc, Tally<K> tally, String staging,
                                                                      String columns) {
        Moves<K> moves = tally.moves();
        return new ReadModelWriter.Batch() {
            @Override
            public void changed(RequestState before, RequestState after) {
                moves.changed(before, after);
            }

            @Override
            public void flush() {
                java.util.SortedMap<K, Long> net = moves.net();
                CopyRows rows = new CopyRows(net.size() / 8 + 1);
                net.forEach((key, n) -> {
                    for (Object column : tally.columns().apply(key)) {
                        rows.add(column);
                    }
                    rows.add(n).endRow();
                });
                rows.copyInto(jdbc, staging, columns + ", n");
            }
        };
    }

    /** A read model's batch that moves the counts of its tallies. */
    public static ReadModelWriter.Batch batch(JdbcTemplate jdbc, int segment, Tally<?>... tallies) {
        java.util.List<Moves<?>> moves = java.util.Arrays.stream(tallies).<Moves<?>>map(Tally::moves).toList();
        return new ReadModelWriter.Batch() {
            @Override
            public void changed(RequestState before, RequestState after) {
                moves.forEach(m -> m.changed(before, after));
            }

            @Override
            public void flush() {
                moves.forEach(m -> m.flush(jdbc, segment));
            }
        };
    }
}

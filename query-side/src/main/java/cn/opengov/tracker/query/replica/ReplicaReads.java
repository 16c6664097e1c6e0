package cn.opengov.tracker.query.replica;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The JdbcTemplate for reads that a streaming replica may serve: the read models' own tables, which only the
 * projections write and whose tokens commit with them — so a replica that has replayed a position shows every read
 * model at that position, and {@code X-Min-Position} (answered from the same place) still means read-your-writes.
 * <p>
 * Reads of tables that commands or requests write directly (agencies, users, calendars, online applications, the
 * throttles, …) and every write keep the application's JdbcTemplate: the primary. Without a replica configured this
 * is that same JdbcTemplate.
 */
public final class ReplicaReads implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final ReadReplica replica;

    private ReplicaReads(JdbcTemplate jdbc, ReadReplica replica) {
        this.jdbc = jdbc;
        this.replica = replica;
    }

    static ReplicaReads primaryOnly(JdbcTemplate primary) {
        return new ReplicaReads(primary, null);
    }

    static ReplicaReads preferring(ReadReplica replica, JdbcTemplate primary) {
        return new ReplicaReads(new ReplicaReadsJdbcTemplate(primary, replica), replica);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        if (replica != null) {
            replica.close();
        }
    }
}

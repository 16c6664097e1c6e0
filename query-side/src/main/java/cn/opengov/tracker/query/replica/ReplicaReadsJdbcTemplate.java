package cn.opengov.tracker.query.replica;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;

/**
 * The read models' JdbcTemplate when a replica is configured. It picks its DataSource call by call: the replica
 * (falling back to the primary) while the thread serves an HTTP read outside any transaction; otherwise the primary
 * DataSource itself — so projections, schedulers and anything inside a transaction use exactly what they did before,
 * and join the transaction bound to it.
 */
final class ReplicaReadsJdbcTemplate extends JdbcTemplate {

    /** Connection-level failures (class 08) and a server shut down or starting (57P01–57P03): the replica is down. */
    private static boolean replicaGone(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.matches("57P0[123]"));
    }

    private final DataSource primary;
    private final DataSource replicaFirst;

    ReplicaReadsJdbcTemplate(JdbcTemplate primaryTemplate, ReadReplica replica) {
        this.primary = primaryTemplate.getDataSource();
        this.replicaFirst = new ReplicaFirstDataSource(replica, primary);
        setDataSource(primary);
        setFetchSize(primaryTemplate.getFetchSize());
        setMaxRows(primaryTemplate.getMaxRows());
        setQueryTimeout(primaryTemplate.getQueryTimeout());
        SQLExceptionTranslator usual = primaryTemplate.getExceptionTranslator();
        // a replica that dies under a read is marked down at once: the next reads go to the primary
        setExceptionTranslator((task, sql, e) -> {
            ReadRequest read = ReadRequest.current();
            if (read != null && read.served() == ReadRequest.Source.REPLICA && replicaGone(e.getSQLState())) {
                replica.markDown("SQLState " + e.getSQLState() + " during a read");
            }
            return usual.translate(task, sql, e);
        });
        afterPropertiesSet();
    }

    @Override
    public DataSource getDataSource() {
        if (ReadRequest.current() == null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return primary;
        }
        return replicaFirst;
    }
}

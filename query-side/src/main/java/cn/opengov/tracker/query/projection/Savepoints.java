package cn.opengov.tracker.query.projection;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;

/**
 * Savepoints in the transaction of the batch (or rebuild) being processed. PostgreSQL refuses every statement of a
 * transaction after one failed; rolled back to a savepoint, the transaction goes on, so one event that cannot be
 * written is parked as a dead letter (in the same transaction) while the rest of its batch commits with the token.
 */
@Component
public class Savepoints {

    private final DataSource dataSource;

    public Savepoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work}; if it fails, whatever it wrote is undone and the failure passed on. */
    public void run(Runnable work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Savepoint savepoint = set(connection);
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            rollback(connection, savepoint);
            throw e;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        release(connection, savepoint);
    }

    /** Runs {@code work} to see whether it would succeed, and undoes it either way: its failure, if any. */
    public Optional<RuntimeException> probe(Runnable work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Savepoint savepoint = set(connection);
        try {
            work.run();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        } finally {
            rollback(connection, savepoint);
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static Savepoint set(Connection connection) {
        try {
            return connection.getAutoCommit() ? null : connection.setSavepoint();
        } catch (SQLException e) {
            throw ProjectionErrors.redacted(e);
        }
    }

    private static void rollback(Connection connection, Savepoint savepoint) {
        if (savepoint != null) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException e) {
                throw ProjectionErrors.redacted(e);
            }
        }
    }

    private static void release(Connection connection, Savepoint savepoint) {
        if (savepoint != null) {
            try {
                connection.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                throw ProjectionErrors.redacted(e);
            }
        }
    }
}

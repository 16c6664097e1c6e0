package cn.opengov.tracker.query.replica;

import org.springframework.jdbc.datasource.AbstractDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connections for an HTTP read ({@link ReadRequest}): the replica's while it answers, else the primary's — and
 * then the primary's for the rest of that request.
 */
final class ReplicaFirstDataSource extends AbstractDataSource {

    private final ReadReplica replica;
    private final DataSource primary;

    ReplicaFirstDataSource(ReadReplica replica, DataSource primary) {
        this.replica = replica;
        this.primary = primary;
    }

    @Override
    public Connection getConnection() throws SQLException {
        ReadRequest read = ReadRequest.current();
        if (read != null && !read.pinnedToPrimary()) {
            Connection connection = replica.answeringConnection();
            if (connection != null) {
                read.servedBy(ReadRequest.Source.REPLICA);
                return connection;
            }
        }
        if (read != null) {
            read.servedBy(ReadRequest.Source.PRIMARY);
        }
        return primary.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("the read replica's connections use the configured account");
    }
}

package cn.opengov.tracker.query.projection;

import org.postgresql.PGStatement;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * Binds a batch's request ids as one {@code uuid[]} parameter ({@code request_id = ANY(?)}): one round trip per
 * batch. The statement is planned afresh each time: a rebuild empties the tables and refills them, and a plan
 * cached while a table was empty (a sequential scan) would otherwise stay and scan the whole table per batch.
 */
public final class IdArrays {

    private IdArrays() {
    }

    public static void bind(PreparedStatement ps, int index, Collection<UUID> ids) throws SQLException {
        if (ps.isWrapperFor(PGStatement.class)) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        // typed uuid[]: left to the driver, the array would arrive as text[] and defeat the index
        ps.setArray(index, ps.getConnection().createArrayOf("uuid", ids.toArray()));
    }
}

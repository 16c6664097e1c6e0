package cn.opengov.tracker.platform.jdbc;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCreator;

import java.sql.PreparedStatement;

/**
 * A statement planned for its own values every time it runs. The driver switches a statement to a server-prepared,
 * generic plan after its fifth use; where the best index depends on the values (a department's few rows or a
 * province's 2,000 agencies, a rare search term or a common one) that one plan would serve every scope alike.
 */
public final class PlannedEachTime {

    private PlannedEachTime() {
    }

    public static PreparedStatementCreator statement(String sql, Object... args) {
        return con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
            new ArgumentPreparedStatementSetter(args).setValues(ps);
            return ps;
        };
    }
}

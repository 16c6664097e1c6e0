package cn.opengov.tracker.command.request.numbering;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tracking numbers {@code <agencyCode>-<year of receipt>-<sequence>} (SPEC §2), the sequence at least four
 * digits, unique per agency and year. The counter is taken in a transaction of its own, so concurrent intake
 * for one agency never waits on another request's transaction; a number lost to a refused request leaves a gap,
 * which SPEC allows.
 */
@Component
public class TrackingNumbers {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public TrackingNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public String next(String agencyCode, int year) {
        Integer sequence = ownTransaction.execute(status -> jdbc.queryForObject("""
                INSERT INTO tracking_sequence (agency_code, year, last_value) VALUES (?, ?, 1)
                ON CONFLICT (agency_code, year) DO UPDATE SET last_value = tracking_sequence.last_value + 1
                RETURNING last_value""", Integer.class, agencyCode, year));
        return format(agencyCode, year, sequence);
    }

    public static String format(String agencyCode, int year, int sequence) {
        return String.format("%s-%d-%04d", agencyCode, year, sequence);
    }
}

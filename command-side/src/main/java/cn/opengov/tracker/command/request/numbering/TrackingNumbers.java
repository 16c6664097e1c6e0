package cn.opengov.tracker.command.request.numbering;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tracking numbers {@code <agencyCode>-<year of receipt>-<sequence>} (SPEC §2), the sequence at least four
 * digits, unique per agency and year. The counter is taken in the receipt's own transaction, on its one
 * connection: a receipt that is refused or rolled back uses no number (an office register without gaps), and a
 * receipt never holds one connection while it waits for a second, which with as many parallel receipts as
 * pooled connections left every one of them waiting. Receipts of one agency and year wait for each other's
 * commit; other agencies' do not.
 */
@Component
public class TrackingNumbers {

    private final JdbcTemplate jdbc;

    public TrackingNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Called inside the receipt's transaction, whose commit or rollback it joins. */
    public String next(String agencyCode, int year) {
        Integer sequence = jdbc.queryForObject("""
                INSERT INTO tracking_sequence (agency_code, year, last_value) VALUES (?, ?, 1)
                ON CONFLICT (agency_code, year) DO UPDATE SET last_value = tracking_sequence.last_value + 1
                RETURNING last_value""", Integer.class, agencyCode, year);
        return format(agencyCode, year, sequence);
    }

    /**
     * {@code count} numbers at once (a bulk import's batch), in order; the agency's row of the year stays locked until
     * the transaction ends, as for one.
     */
    public java.util.List<String> next(String agencyCode, int year, int count) {
        Integer last = jdbc.queryForObject("""
                INSERT INTO tracking_sequence (agency_code, year, last_value) VALUES (?, ?, ?)
                ON CONFLICT (agency_code, year) DO UPDATE SET last_value = tracking_sequence.last_value + EXCLUDED.last_value
                RETURNING last_value""", Integer.class, agencyCode, year, count);
        java.util.List<String> numbers = new java.util.ArrayList<>(count);
        for (int sequence = last - count + 1; sequence <= last; sequence++) {
            numbers.add(format(agencyCode, year, sequence));
        }
        return numbers;
    }

    public static String format(String agencyCode, int year, int sequence) {
        return String.format("%s-%d-%04d", agencyCode, year, sequence);
    }
}

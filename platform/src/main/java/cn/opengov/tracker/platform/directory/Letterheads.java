package cn.opengov.tracker.platform.directory;

import cn.opengov.tracker.api.document.Letterhead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The agencies' letterheads ({@code agency_letterhead}, SPEC §2b): what their written notices print. Set on the
 * command side by administrators, read by both sides.
 */
@Component
public class Letterheads {

    private final JdbcTemplate jdbc;

    public Letterheads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Letterhead> find(String agencyCode) {
        return jdbc.query("""
                SELECT agency_code, full_name, doc_prefix, address, phone, reconsideration_body, court, fee_payment
                FROM agency_letterhead WHERE agency_code = ?""",
                (rs, i) -> new Letterhead(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), agencyCode).stream().findFirst();
    }

    public void save(Letterhead l, String by) {
        jdbc.update("""
                INSERT INTO agency_letterhead (agency_code, full_name, doc_prefix, address, phone, reconsideration_body, court,
                                               fee_payment, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, now(), ?)
                ON CONFLICT (agency_code) DO UPDATE SET full_name = EXCLUDED.full_name, doc_prefix = EXCLUDED.doc_prefix,
                    address = EXCLUDED.address, phone = EXCLUDED.phone, reconsideration_body = EXCLUDED.reconsideration_body,
                    court = EXCLUDED.court, fee_payment = EXCLUDED.fee_payment, updated_at = now(), updated_by = EXCLUDED.updated_by""",
                l.agencyCode(), l.fullName(), l.docPrefix(), l.address(), l.phone(), l.reconsiderationBody(), l.court(),
                l.feePayment(), by);
    }
}

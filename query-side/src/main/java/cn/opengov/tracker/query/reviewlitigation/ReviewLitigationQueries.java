package cn.opengov.tracker.query.reviewlitigation;

import cn.opengov.tracker.api.report.ReviewLitigationTable;
import cn.opengov.tracker.api.request.CaseKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Section 四 of any agency (or tree) and year, summed from {@code case_tally} (SPEC §5). */
@Component
public class ReviewLitigationQueries {

    private final JdbcTemplate jdbc;

    public ReviewLitigationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ReviewLitigationTable table(int year, List<String> agencyCodes) {
        ReviewLitigationTable.Counter counter = new ReviewLitigationTable.Counter();
        jdbc.query("""
                SELECT kind, filed_year, decided_year, result, sum(n) FROM case_tally
                WHERE agency_code = ANY(?) AND filed_year <= ? AND (decided_year = 0 OR decided_year >= ?)
                GROUP BY kind, filed_year, decided_year, result HAVING sum(n) <> 0""", rs -> {
            CaseKind kind = CaseKind.valueOf(rs.getString(1));
            int decided = rs.getInt(3);
            long n = rs.getLong(5);
            if (decided == year) {
                counter.add(kind, rs.getString(4), n);
            } else {
                counter.add(kind, ReviewLitigationTable.PENDING, n);
            }
        }, agencyCodes.toArray(String[]::new), year, year);
        return counter.table();
    }
}

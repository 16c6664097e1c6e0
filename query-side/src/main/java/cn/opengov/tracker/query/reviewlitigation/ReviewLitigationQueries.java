package cn.opengov.tracker.query.reviewlitigation;

import cn.opengov.tracker.api.report.ReviewLitigationTable;
import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.query.replica.ReplicaReads;
import cn.opengov.tracker.query.rollup.RollUpTable;
import cn.opengov.tracker.query.rollup.RollUps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Section 四 of any agency (or tree) and year, summed from {@code case_tally} (SPEC §5). */
@Component
public class ReviewLitigationQueries {

    private final JdbcTemplate jdbc;
    private final RollUps rollUps;

    public ReviewLitigationQueries(ReplicaReads reads, RollUps rollUps) {
        this.jdbc = reads.jdbc();
        this.rollUps = rollUps;
    }

    /** From the roll-up when the codes are an agency's whole tree and it is current, else agency by agency. */
    public ReviewLitigationTable table(int year, List<String> agencyCodes) {
        return rollUps.read(agencyCodes, root -> rolledUp(year, root)).orElseGet(() -> perAgency(year, agencyCodes));
    }

    /** {@code root}'s whole tree: its roll-up and its own tally (section 四 never depends on a closure). */
    ReviewLitigationTable rolledUp(int year, String root) {
        ReviewLitigationTable.Counter counter = new ReviewLitigationTable.Counter();
        jdbc.query("SELECT kind, filed_year, decided_year, result, sum(n) FROM ("
                + RollUpTable.CASES.subtree("kind, filed_year, decided_year, result, n",
                        "filed_year <= ? AND (decided_year = 0 OR decided_year >= ?)")
                + ") t GROUP BY kind, filed_year, decided_year, result HAVING sum(n) <> 0", rs -> {
            count(counter, year, new CaseTallyWriter.CaseKey(null, rs.getString(1), rs.getInt(2), rs.getInt(3),
                    rs.getString(4)), rs.getLong(5));
        }, RollUpTable.subtreeArgs(root, year, year));
        return counter.table();
    }

    /** The reference: the agencies' own tallies. */
    public ReviewLitigationTable perAgency(int year, List<String> agencyCodes) {
        ReviewLitigationTable.Counter counter = new ReviewLitigationTable.Counter();
        jdbc.query("""
                SELECT kind, filed_year, decided_year, result, sum(n) FROM case_tally
                WHERE agency_code = ANY(?) AND filed_year <= ? AND (decided_year = 0 OR decided_year >= ?)
                GROUP BY kind, filed_year, decided_year, result HAVING sum(n) <> 0""", rs -> {
            count(counter, year, new CaseTallyWriter.CaseKey(null, rs.getString(1), rs.getInt(2), rs.getInt(3),
                    rs.getString(4)), rs.getLong(5));
        }, agencyCodes.toArray(String[]::new), year, year);
        return counter.table();
    }

    /**
     * Where {@code n} cases of a {@code case_tally} key count in the year's section 四: by result when decided in the
     * year, pending when filed by its end and not decided by then, else nowhere (the query's WHERE restates that
     * last part, to read only the rows that count).
     */
    static void count(ReviewLitigationTable.Counter counter, int year, CaseTallyWriter.CaseKey key, long n) {
        if (key.filedYear() > year || (key.decidedYear() != 0 && key.decidedYear() < year)) {
            return;
        }
        CaseKind kind = CaseKind.valueOf(key.kind());
        counter.add(kind, key.decidedYear() == year ? key.result() : ReviewLitigationTable.PENDING, n);
    }
}

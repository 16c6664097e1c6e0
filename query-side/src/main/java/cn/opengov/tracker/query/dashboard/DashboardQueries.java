package cn.opengov.tracker.query.dashboard;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.platform.directory.Agency;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.query.annualmatrix.AnnualMatrixQueries;
import cn.opengov.tracker.query.replica.ReplicaReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard read from {@code dashboard_tally} (one small GROUP BY over the agencies' rows of two years) and
 * section 三's tallies for the outcomes: never a scan of the requests.
 */
@Component
public class DashboardQueries {

    private final JdbcTemplate jdbc;
    private final AgencyDirectory agencies;
    private final AnnualMatrixQueries matrices;

    public DashboardQueries(ReplicaReads reads, AgencyDirectory agencies, AnnualMatrixQueries matrices) {
        this.jdbc = reads.jdbc();
        this.agencies = agencies;
        this.matrices = matrices;
    }

    /** @param agencyCode checked to be in the user's scope by the caller */
    public Dashboard dashboard(String agencyCode, int year) {
        AgencyDirectory.AgencyTree tree = agencies.tree();
        List<String> codes = tree.codesOf(agencyCode, true);
        // each agency of the tree belongs to one department: the agency itself or the direct sub-agency above it
        Map<String, String> departmentOf = new HashMap<>();
        Map<String, String> departments = new LinkedHashMap<>();
        departments.put(agencyCode, tree.require(agencyCode).name() + "（本机关）");
        departmentOf.put(agencyCode, agencyCode);
        for (Agency child : tree.all()) {
            if (agencyCode.equals(child.parentCode())) {
                departments.put(child.code(), child.name());
                tree.codesOf(child.code(), true).forEach(c -> departmentOf.put(c, child.code()));
            }
        }
        long[] received = new long[12];
        long[] receivedBefore = new long[12];
        Map<String, Acc> byDepartment = new LinkedHashMap<>();
        departments.keySet().forEach(d -> byDepartment.put(d, new Acc()));
        Acc all = new Acc();
        jdbc.query("""
                SELECT agency_code, year, month, kind, days, sum(n) FROM dashboard_tally
                WHERE agency_code = ANY(?) AND year IN (?, ?)
                GROUP BY agency_code, year, month, kind, days HAVING sum(n) <> 0""", rs -> {
            String code = rs.getString(1);
            int y = rs.getInt(2);
            int month = rs.getInt(3);
            String kind = rs.getString(4);
            int days = rs.getInt(5);
            long n = rs.getLong(6);
            if (DashboardTallyWriter.RECEIVED.equals(kind)) {
                (y == year ? received : receivedBefore)[month - 1] += n;
            }
            if (y == year) {
                all.add(kind, days, n);
                byDepartment.get(departmentOf.getOrDefault(code, agencyCode)).add(kind, days, n);
            }
        }, codes.toArray(String[]::new), year, year - 1);

        AnnualTable table = matrices.matrix(year, codes).table();
        List<Dashboard.Outcome> outcomes = Arrays.stream(OutcomeCategory.values())
                .map(o -> new Dashboard.Outcome(o.name(), o.group().numbered() + " " + o.group().label(), o.label(),
                        table.cell(o.name(), "TOTAL")))
                .toList();
        List<Dashboard.Department> side = new ArrayList<>();
        departments.forEach((code, name) -> side.add(new Dashboard.Department(code, name, byDepartment.get(code).figures())));
        return new Dashboard(year, agencyCode, tree.require(agencyCode).name(), Arrays.stream(received).boxed().toList(),
                Arrays.stream(receivedBefore).boxed().toList(), outcomes, all.figures(), side);
    }

    /** Counts of one set of agencies for the year, and the histogram of working days to answer. */
    private static final class Acc {
        long received;
        long answered;
        long late;
        long withoutDays;
        final TreeMap<Integer, Long> days = new TreeMap<>();

        void add(String kind, int d, long n) {
            switch (kind) {
                case DashboardTallyWriter.RECEIVED -> received += n;
                case DashboardTallyWriter.LATE -> late += n;
                case DashboardTallyWriter.ANSWERED -> {
                    answered += n;
                    if (d < 0) {
                        withoutDays += n;
                    } else {
                        days.merge(d, n, Long::sum);
                    }
                }
                default -> { }
            }
        }

        Dashboard.Figures figures() {
            return new Dashboard.Figures(received, answered, percentile(days, 0.5), percentile(days, 0.9), late,
                    answered == 0 ? null : (double) late / answered, withoutDays);
        }
    }

    /** The nearest-rank percentile of a histogram: the smallest value with at least ceil(p·N) values at or below it. */
    static Integer percentile(TreeMap<Integer, Long> histogram, double p) {
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return histogram.lastKey();
    }
}

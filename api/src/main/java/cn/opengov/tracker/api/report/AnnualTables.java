package cn.opengov.tracker.api.report;

import java.util.Collection;

/**
 * The definition of every cell of section 三 (SPEC §4), applied to a list of requests. The query side keeps a
 * pre-aggregated read model instead of calling this per query; this is the reference it must agree with, and
 * what a publication freezes.
 */
public final class AnnualTables {

    private AnnualTables() {
    }

    /**
     * @param closedThrough the agency's last closed year, or null. For a closed year 二 and 四 count the
     *                      carry-overs recorded at its close; a year not closed yet shows the requests that close
     *                      would carry now (open on its 31 December), and the table is provisional.
     */
    public static AnnualTable derive(int year, Collection<RequestFacts> requests, Integer closedThrough) {
        AnnualTable.Builder table = AnnualTable.builder(year);
        for (RequestFacts r : requests) {
            if (r.receivedOn().getYear() == year) {
                table.add(MatrixRow.NEW_RECEIVED, r.applicantType(), 1);
            }
            if (carriedFrom(r, year - 1, closedThrough)) {
                table.add(MatrixRow.CARRIED_FROM_PREVIOUS, r.applicantType(), 1);
            }
            if (r.answeredOn() != null && r.answeredOn().getYear() == year) {
                table.add(r.outcome().name(), r.applicantType(), 1);
            }
            if (carriedFrom(r, year, closedThrough)) {
                table.add(MatrixRow.CARRIED_TO_NEXT, r.applicantType(), 1);
            }
        }
        return table.build();
    }

    private static boolean carriedFrom(RequestFacts r, int year, Integer closedThrough) {
        boolean closed = closedThrough != null && year <= closedThrough;
        return closed ? r.carriedFromYears().contains(year) : r.isOpenAtEndOf(year);
    }
}

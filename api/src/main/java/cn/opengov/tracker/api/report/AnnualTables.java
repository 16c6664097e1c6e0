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
     * @param closed whether year close has run for {@code year}: then 四 counts the carry-overs from the year;
     *               until then it shows the requests that would be carried now, and the table is provisional.
     */
    public static AnnualTable derive(int year, Collection<RequestFacts> requests, boolean closed) {
        AnnualTable.Builder table = AnnualTable.builder(year);
        for (RequestFacts r : requests) {
            if (r.receivedOn().getYear() == year) {
                table.add(MatrixRow.NEW_RECEIVED, r.applicantType(), 1);
            }
            if (r.carriedFromYears().contains(year - 1)) {
                table.add(MatrixRow.CARRIED_FROM_PREVIOUS, r.applicantType(), 1);
            }
            if (r.answeredOn() != null && r.answeredOn().getYear() == year) {
                table.add(r.outcome().name(), r.applicantType(), 1);
            }
            boolean carried = closed ? r.carriedFromYears().contains(year) : r.isOpenAtEndOf(year);
            if (carried) {
                table.add(MatrixRow.CARRIED_TO_NEXT, r.applicantType(), 1);
            }
        }
        return table.build();
    }
}

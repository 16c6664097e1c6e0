package cn.opengov.tracker.query.dashboard;

import java.util.List;

/**
 * The supervisors' dashboard of an agency (with its sub-agencies) for a year: requests received per month against the
 * year before, the year's answers by outcome (the rows of section 三), the median and 90th percentile of the working
 * days an answer took, the share answered late, and the same figures per department (the agency itself and each
 * direct sub-agency with its own sub-agencies).
 */
public record Dashboard(int year, String agencyCode, String agencyName, List<Long> receivedByMonth,
                        List<Long> receivedByMonthLastYear, List<Outcome> outcomes, Figures figures,
                        List<Department> departments) {

    /** One outcome row of section 三 and the year's answers under it. */
    public record Outcome(String code, String group, String label, long count) {
    }

    /**
     * The figures of a set of agencies: received and answered in the year, the median and 90th percentile of the
     * working days to answer (nearest rank; null without answers), answered late and its share (0–1, null without
     * answers). {@code answersWithoutDays}: answers whose working days are unknown (calendar not loaded), left out of
     * the percentiles.
     */
    public record Figures(long received, long answered, Integer medianWorkingDays, Integer p90WorkingDays, long late,
                          Double overdueRate, long answersWithoutDays) {
    }

    /** A department side by side with the others: its own code and name, its figures. */
    public record Department(String agencyCode, String name, Figures figures) {
    }
}

package cn.opengov.tracker.api.agencyyear;

/** The identity of one agency's reporting year: the unit that is closed (年度结转) and published. */
public final class AgencyYearId {

    private AgencyYearId() {
    }

    public static String of(String agencyCode, int year) {
        return agencyCode + "/" + year;
    }
}

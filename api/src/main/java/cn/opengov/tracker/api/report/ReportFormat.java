package cn.opengov.tracker.api.report;

/**
 * The layout of the annual table: 国办公开办函〔2019〕60号 for the reports on 2019 and 2020 (one (六) row,
 * column 社会组织), 国办公开办函〔2021〕30号 from 2021 on.
 */
public enum ReportFormat {
    F2019("2019"),
    F2021("2021");

    private final String code;

    ReportFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ReportFormat forYear(int year) {
        return year <= 2020 ? F2019 : F2021;
    }
}

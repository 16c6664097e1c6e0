package cn.opengov.tracker.api.report;

import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;

/** The years an annual report can be asked for, closed or published: from the 2019 revision's first report. */
public final class ReportYear {

    public static final int FIRST = 2019;
    public static final int LAST = 2100;

    private ReportYear() {
    }

    /** The year, or a refusal of the {@code year} input. */
    public static int check(int year) {
        if (year < FIRST || year > LAST) {
            throw RuleViolation.ofField("year", Rule.INVALID_VALUE, "年度须在" + FIRST + "至" + LAST + "之间");
        }
        return year;
    }
}

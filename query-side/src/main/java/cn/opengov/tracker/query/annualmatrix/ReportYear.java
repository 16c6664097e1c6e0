package cn.opengov.tracker.query.annualmatrix;

import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;

/** The years an annual report can be asked for. */
public final class ReportYear {

    private ReportYear() {
    }

    public static int check(int year) {
        if (year < 2019 || year > 2100) {
            throw RuleViolation.ofField("year", Rule.INVALID_VALUE, "年度须在2019至2100之间");
        }
        return year;
    }
}

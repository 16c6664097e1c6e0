package cn.opengov.tracker.query.web;

import org.springframework.stereotype.Component;

/** How the pages say how far a deadline is: "剩余 3 个工作日", "今天到期", "逾期 12 个工作日" — never "-12". */
@Component("deadlineText")
public class DeadlineText {

    public String workingDaysLeft(Integer days) {
        if (days == null) {
            return "—";
        }
        if (days < 0) {
            return "逾期 " + (-days) + " 个工作日";
        }
        if (days == 0) {
            return "今天到期";
        }
        return "剩余 " + days + " 个工作日";
    }
}

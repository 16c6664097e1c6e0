package cn.opengov.tracker.command.request;

import cn.opengov.tracker.api.fee.SameApplicant;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.command.lookup.RequestIndex;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * 国办函〔2020〕109号第四条 counts the same applicant's requests in a calendar month: how many of them reached the
 * request's agency before this one ({@link SameApplicant} says who is the same and what comes before), so that the
 * aggregate can propose the 按件 fee.
 */
@Component
public class SameApplicantRequests {

    private final RequestIndex index;

    public SameApplicantRequests(RequestIndex index) {
        this.index = index;
    }

    public int earlierInMonth(UUID requestId) {
        List<SameApplicant.Candidate> month = index.find(requestId)
                .map(r -> index.requestsOfMonth(r.agencyCode(), YearMonth.from(r.receivedOn())))
                .orElseThrow(() -> new RuleViolation(Rule.REQUEST_NOT_FOUND, requestId));
        SameApplicant.Candidate request = month.stream().filter(c -> c.requestId().equals(requestId)).findFirst()
                .orElseThrow(() -> new RuleViolation(Rule.REQUEST_NOT_FOUND, requestId));
        return SameApplicant.earlierInMonth(request, month);
    }
}

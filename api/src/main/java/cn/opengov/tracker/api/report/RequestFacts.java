package cn.opengov.tracker.api.report;

import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.OutcomeCategory;

import java.time.LocalDate;
import java.util.Set;

/** What the annual table needs to know of one request, by its latest corrected data. */
public record RequestFacts(String agencyCode, ApplicantType applicantType, LocalDate receivedOn,
                           LocalDate answeredOn, OutcomeCategory outcome, Set<Integer> carriedFromYears) {

    public RequestFacts {
        carriedFromYears = carriedFromYears == null ? Set.of() : Set.copyOf(carriedFromYears);
    }

    /** Open on 31 December of {@code year}: see {@link CarryOver}. */
    public boolean isOpenAtEndOf(int year) {
        return CarryOver.isOpenAtEndOf(year, receivedOn, answeredOn);
    }
}

package cn.opengov.tracker.api.fee;

import cn.opengov.tracker.api.request.Applicant;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.UUID;

/**
 * “同一申请人” of 109号第四条, and where a request stands among the same applicant's requests to an agency in a
 * calendar month. The same applicant is the same ID number (居民身份证号码 or 统一社会信用代码) when one was given,
 * else the same applicant type and name: an applicant who gave the number on one request and not on another counts
 * as two, which errs in the applicant's favour. Requests of a month are ordered by date of receipt, then as they
 * were numbered.
 */
public final class SameApplicant {

    private static final Comparator<Candidate> ORDER = Comparator.comparing(Candidate::receivedOn)
            .thenComparingInt(c -> c.trackingNo().length())
            .thenComparing(Candidate::trackingNo)
            .thenComparing(Candidate::requestId);

    private SameApplicant() {
    }

    /** Who the applicant is, for counting: by ID number when given, else by type and name. */
    public static String key(Applicant a) {
        if (a.idNumber() != null && !a.idNumber().isBlank()) {
            return "ID:" + a.idNumber().strip().toUpperCase();
        }
        return a.type().name() + ":" + a.name().strip();
    }

    /**
     * How many of {@code candidates} (requests to the same agency) are the same applicant's, received in the same
     * calendar month as {@code request} and before it. {@code request} itself may be among the candidates.
     */
    public static int earlierInMonth(Candidate request, Collection<Candidate> candidates) {
        String key = key(request.applicant());
        YearMonth month = YearMonth.from(request.receivedOn());
        return (int) candidates.stream()
                .filter(c -> !c.requestId().equals(request.requestId()))
                .filter(c -> YearMonth.from(c.receivedOn()).equals(month))
                .filter(c -> key(c.applicant()).equals(key))
                .filter(c -> ORDER.compare(c, request) < 0)
                .count();
    }

    /** A request as counting needs it. */
    public record Candidate(UUID requestId, String trackingNo, LocalDate receivedOn, Applicant applicant) {
    }
}

package cn.opengov.tracker.api.fee;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 109号第四条's “同一申请人一个自然月内”: who is the same applicant, and which requests came before. */
class SameApplicantTest {

    private static final Applicant ZHANG_WITH_ID = new Applicant(ApplicantType.NATURAL_PERSON, "张三", "11010519491231002x", null, null, null);
    private static final Applicant ZHANG_OTHER_NAME_SAME_ID = new Applicant(ApplicantType.NATURAL_PERSON, "张叁", "11010519491231002X", null, null, null);
    private static final Applicant ZHANG = new Applicant(ApplicantType.NATURAL_PERSON, " 张三 ", null, null, null, null);
    private static final Applicant ZHANG_CO = new Applicant(ApplicantType.COMMERCIAL_ENTERPRISE, "张三", null, null, null, null);

    private static SameApplicant.Candidate c(String no, String on, Applicant a) {
        return new SameApplicant.Candidate(UUID.nameUUIDFromBytes(no.getBytes()), no, LocalDate.parse(on), a);
    }

    @Test
    void theSameApplicantIsTheSameIdNumberElseTheSameTypeAndName() {
        assertThat(SameApplicant.key(ZHANG_WITH_ID)).isEqualTo(SameApplicant.key(ZHANG_OTHER_NAME_SAME_ID));
        assertThat(SameApplicant.key(ZHANG)).isEqualTo(SameApplicant.key(new Applicant(ApplicantType.NATURAL_PERSON, "张三", null, null, null, null)));
        assertThat(SameApplicant.key(ZHANG)).isNotEqualTo(SameApplicant.key(ZHANG_CO));
        assertThat(SameApplicant.key(ZHANG)).isNotEqualTo(SameApplicant.key(ZHANG_WITH_ID));
    }

    @Test
    void countsTheSameApplicantsEarlierRequestsOfTheCalendarMonth() {
        var me = c("A-2025-0010", "2025-03-10", ZHANG);
        List<SameApplicant.Candidate> all = List.of(
                c("A-2025-0001", "2025-03-01", ZHANG),
                c("A-2025-0002", "2025-02-28", ZHANG),       // another month
                c("A-2025-0003", "2025-03-05", ZHANG_CO),    // another applicant
                c("A-2025-0009", "2025-03-10", ZHANG),       // same day, numbered before
                c("A-2025-00011", "2025-03-10", ZHANG),      // same day, numbered after (11 > 10)
                c("A-2025-0012", "2025-03-31", ZHANG),       // later
                me);
        assertThat(SameApplicant.earlierInMonth(me, all)).isEqualTo(2);
    }
}

package cn.opengov.tracker.query;

import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.ConsultationEnded;
import cn.opengov.tracker.api.request.event.ConsultationStarted;
import cn.opengov.tracker.api.request.event.CorrectionReceived;
import cn.opengov.tracker.api.request.event.CorrectionRequested;
import cn.opengov.tracker.api.request.event.DeadlineExtended;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadline board read model, fed by events replayed into the real PostgreSQL (SPEC §3). */
class DeadlineBoardProjectionTest extends QuerySideTest {

    @Test
    void theWorkedExampleIsOverdueTheDayAfterItsDueDate() {
        String agency = newAgency(null);
        UUID id = received(agency, "2024-09-27");
        JsonNode overdue = boardLine(agency, "2024-10-31", id);
        assertThat(overdue.path("state").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.path("answerDueOn").asText()).isEqualTo("2024-10-30");
        assertThat(overdue.path("workingDaysLeft").asInt()).isEqualTo(-1);
        assertThat(overdue.path("correctionNoticeDueOn").asText()).isEqualTo("2024-10-12");
        assertThat(boardLine(agency, "2024-10-08", id).path("state").asText()).isEqualTo("ON_TRACK");
        assertThat(boardLine(agency, "2024-10-08", id).path("workingDaysLeft").asInt()).isEqualTo(17);
        assertThat(boardLine(agency, "2024-10-24", id).path("state").asText()).isEqualTo("DUE_SOON");
        assertThat(boardLine(agency, "2024-09-26", id)).as("not received yet").isNull();
    }

    @Test
    void aCorrectionNoticeStopsTheClockUntilTheCorrectionArrives() {
        String agency = newAgency(null);
        UUID id = received(agency, "2025-03-03");
        append(id, new CorrectionRequested(id, d("2025-03-05"), "请补充", d("2025-03-20")));
        assertThat(boardLine(agency, "2025-03-06", id).path("state").asText()).isEqualTo("AWAITING_CORRECTION");
        assertThat(boardLine(agency, "2025-03-06", id).path("answerDueOn").isNull()).isTrue();
        append(id, new CorrectionReceived(id, d("2025-03-14")));
        assertThat(boardLine(agency, "2025-03-17", id).path("answerDueOn").asText()).as("清明 4-4 off").isEqualTo("2025-04-14");
        assertThat(boardLine(agency, "2025-03-10", id).path("state").asText()).as("as it stood then").isEqualTo("AWAITING_CORRECTION");
    }

    @Test
    void aConsultationSuspendsAndThenMovesTheDueDate() {
        String agency = newAgency(null);
        UUID id = received(agency, "2025-03-03");
        append(id, new ConsultationStarted(id, "c1", ConsultationKind.THIRD_PARTY, "某企业", d("2025-03-10")));
        assertThat(boardLine(agency, "2025-03-12", id).path("state").asText()).isEqualTo("SUSPENDED");
        append(id, new ConsultationEnded(id, "c1", d("2025-03-24")));
        assertThat(boardLine(agency, "2025-03-25", id).path("answerDueOn").asText()).isEqualTo("2025-04-15");
        assertThat(boardLine(agency, "2025-03-07", id).path("answerDueOn").asText()).as("before the consultation").isEqualTo("2025-03-31");
    }

    @Test
    void anExtensionMovesTheDueDateAndAnAnswerTakesTheRequestOffTheBoard() {
        String agency = newAgency(null);
        UUID id = received(agency, "2024-04-30");
        append(id, new DeadlineExtended(id, d("2024-05-20"), 20, "需要调取档案"));
        assertThat(boardLine(agency, "2024-06-01", id).path("answerDueOn").asText()).isEqualTo("2024-06-28");
        answered(id, "2024-06-20", OutcomeCategory.DISCLOSED);
        assertThat(boardLine(agency, "2024-06-21", id)).isNull();
    }

    @Test
    void theBoardListsSoonestDueFirstAcrossSubAgencies() {
        String county = newAgency(null);
        String department = newAgency(county);
        UUID later = received(county, "2025-03-10");
        UUID sooner = received(department, "2025-03-03");
        JsonNode items = get("/api/deadlines?agencyCode=" + county + "&includeSubAgencies=true&asOf=2025-03-20").json().path("items");
        List<String> order = StreamSupport.stream(items.spliterator(), false).map(i -> i.path("requestId").asText()).toList();
        assertThat(order).containsExactly(sooner.toString(), later.toString());
        assertThat(get("/api/deadlines?agencyCode=" + county + "&asOf=2025-03-20").json().path("items")).hasSize(1);
    }

    @Test
    void aDueDateBeyondTheLoadedCalendarWaitsForTheNoticeAndThenFollowsIt() {
        String agency = newAgency(null);
        UUID id = received(agency, "2026-12-21");
        assertThat(boardLine(agency, "2026-12-22", id).path("state").asText()).isEqualTo("CALENDAR_NOT_LOADED");
        withHolidayNotice2027(() -> {
            JsonNode line = boardLine(agency, "2026-12-22", id);
            assertThat(line.path("state").asText()).isEqualTo("ON_TRACK");
            // 2026-12-21 + 20 working days, with 1 and 4 January off
            assertThat(line.path("answerDueOn").asText()).isEqualTo("2027-01-20");
        });
    }
}

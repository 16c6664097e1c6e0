package cn.opengov.tracker.query.projection;

import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.report.CaseFacts;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.state.Handling;
import cn.opengov.tracker.api.request.state.LegalCase;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.platform.testing.RandomLifecycles;
import cn.opengov.tracker.platform.testing.RandomLifecycles.Lifecycle;
import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request's fold ({@link RequestState}) on random lifecycles, in memory: it comes to what the lifecycle meant,
 * and it survives being stored between any two events the way {@code request_view} stores it.
 */
class RequestFoldTest {

    private static final List<String> AGENCIES = List.of("ZNX", "ZNX-KJJ");

    @Test
    void theFoldComesToWhatEachLifecycleMeant() {
        RandomLifecycles lifecycles = new RandomLifecycles(20240101);
        for (Integer closedThrough : new Integer[] {null, 2022, 2024}) {
            for (Lifecycle l : lifecycles.next(300, AGENCIES, closedThrough)) {
                RequestState state = fold(l.events());
                assertThat(state.requestId()).isEqualTo(l.requestId());
                assertThat(state.facts()).as(l.events().toString()).isEqualTo(l.facts());
                assertThat(state.cases().stream().map(c -> new CaseFacts(state.agencyCode(), c.kind(), c.filedOn(),
                        c.decidedOn(), c.result())).toList()).isEqualTo(l.cases());
                assertThat(state.handling().deliveryForm()).isEqualTo(l.deliveryForm());
                assertThat(state.handling().assignee()).isEqualTo(l.assignee());
                assertThat(state.handling().extensionApprovedBy()).isEqualTo(l.extensionApprovedBy());
            }
        }
    }

    @Test
    void theStateSurvivesBeingStoredBetweenAnyTwoEvents() {
        for (Lifecycle l : new RandomLifecycles(7).next(300, AGENCIES, 2023)) {
            ProjectedRequest stored = null;
            long sequence = 0;
            for (RequestEvent event : l.events()) {
                stored = stored(ProjectedRequest.next(stored, event, sequence++, Instant.EPOCH));
            }
            assertThat(stored.state()).isEqualTo(fold(l.events()));
            assertThat(stored.lastSequence()).isEqualTo(l.events().size() - 1);
        }
    }

    private static RequestState fold(List<RequestEvent> events) {
        RequestState state = null;
        for (RequestEvent event : events) {
            state = RequestState.next(state, event);
        }
        return state;
    }

    /** Through the JSON of request_view's columns and back. */
    private static ProjectedRequest stored(ProjectedRequest p) {
        RequestState s = p.state();
        RequestState back = new RequestState(s.requestId(), s.trackingNo(), s.agencyCode(), s.channel(),
                StateJson.read(StateJson.write(s.applicant()), Applicant.class), s.description(), s.outcome(),
                StateJson.read(StateJson.write(s.timeline()), RequestTimeline.class), List.copyOf(s.carriedFrom()),
                StateJson.read(StateJson.write(s.cases()), new TypeReference<List<LegalCase>>() {
                }),
                s.handling().isEmpty() ? null : StateJson.read(StateJson.write(s.handling()), Handling.class));
        return new ProjectedRequest(back, p.lastSequence(), p.loggedAt());
    }
}

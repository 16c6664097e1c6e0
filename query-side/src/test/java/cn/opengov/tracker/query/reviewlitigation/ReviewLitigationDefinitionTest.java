package cn.opengov.tracker.query.reviewlitigation;

import cn.opengov.tracker.api.report.CaseFacts;
import cn.opengov.tracker.api.report.ReviewLitigationTable;
import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.platform.testing.RandomLifecycles;
import cn.opengov.tracker.platform.testing.RandomLifecycles.Lifecycle;
import cn.opengov.tracker.query.projection.Tally;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Section 四 as the read model keeps it equals the definition ({@link ReviewLitigationTable#derive}), in memory. */
class ReviewLitigationDefinitionTest {

    @Test
    void theCaseTallyReadsBackAsTheDefinitionSays() {
        List<Lifecycle> lifecycles = new RandomLifecycles(5).next(1500, List.of("ZNX"), 2023);
        Tally.Moves<CaseTallyWriter.CaseKey> cases = CaseTallyWriter.CASES.moves();
        for (Lifecycle l : lifecycles) {
            RequestState before = null;
            for (RequestEvent event : l.events()) {
                RequestState after = RequestState.next(before, event);
                cases.changed(before, after);
                before = after;
            }
        }
        List<CaseFacts> facts = lifecycles.stream().flatMap(l -> l.cases().stream()).toList();
        assertThat(facts).hasSizeGreaterThan(100);
        for (int year = 2021; year <= 2026; year++) {
            ReviewLitigationTable.Counter counter = new ReviewLitigationTable.Counter();
            int y = year;
            cases.net().forEach((key, n) -> ReviewLitigationQueries.count(counter, y, key, n));
            assertThat(counter.table()).as(String.valueOf(year)).isEqualTo(ReviewLitigationTable.derive(year, facts));
        }
    }
}

package cn.opengov.tracker.query.annualmatrix;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.report.AnnualTables;
import cn.opengov.tracker.api.report.RequestFacts;
import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.platform.testing.RandomLifecycles;
import cn.opengov.tracker.platform.testing.RandomLifecycles.Lifecycle;
import cn.opengov.tracker.query.projection.Tally;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Section 三 as the read model keeps it — the tallies moved event by event, read back into the table — equals the
 * definition ({@link AnnualTables#derive}) on random lifecycles, in memory. {@code AnnualMatrixProjectionTest}
 * holds the same against PostgreSQL.
 */
class AnnualTableDefinitionTest {

    private static final List<String> AGENCIES = List.of("ZNX", "ZNX-KJJ", "ZNX-JYJ");

    @Test
    void theTalliesReadBackAsTheDefinitionSays() {
        for (Integer closedThrough : new Integer[] {null, 2022, 2023, 2024}) {
            List<Lifecycle> lifecycles = new RandomLifecycles(31 + (closedThrough == null ? 0 : closedThrough))
                    .next(500, AGENCIES, closedThrough);
            Tally.Moves<MatrixTallyWriter.TallyKey> matrix = MatrixTallyWriter.MATRIX.moves();
            Tally.Moves<MatrixTallyWriter.CarryKey> carry = MatrixTallyWriter.CARRY.moves();
            for (Lifecycle l : lifecycles) {
                RequestState before = null;
                for (RequestEvent event : l.events()) {
                    RequestState after = RequestState.next(before, event);
                    matrix.changed(before, after);
                    carry.changed(before, after);
                    before = after;
                }
            }
            List<RequestFacts> facts = lifecycles.stream().map(Lifecycle::facts).toList();
            Map<String, Integer> closed = new HashMap<>();
            if (closedThrough != null) {
                AGENCIES.forEach(a -> closed.put(a, closedThrough));
            }
            for (int year = 2021; year <= 2026; year++) {
                AnnualTable.Builder table = AnnualTable.builder(year);
                int y = year;
                matrix.net().forEach((key, n) -> AnnualMatrixQueries.count(table, y, closed, key, n));
                carry.net().forEach((key, n) -> AnnualMatrixQueries.count(table, y, closed, key, n));
                AnnualTable kept = table.build();
                assertThat(kept.rows()).as(year + ", closed through " + closedThrough)
                        .isEqualTo(AnnualTables.derive(year, facts, closedThrough).rows());
                assertThat(kept.balanced()).isTrue();
            }
        }
    }
}

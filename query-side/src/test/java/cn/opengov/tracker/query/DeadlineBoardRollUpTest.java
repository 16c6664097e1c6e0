package cn.opengov.tracker.query;

import cn.opengov.tracker.api.deadline.BoardState;
import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.platform.testing.RandomLifecycles;
import cn.opengov.tracker.query.deadlineboard.DeadlineBoard;
import cn.opengov.tracker.query.deadlineboard.DeadlineBoardQueries;
import cn.opengov.tracker.query.rollup.RollUps;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: a page of a whole tree's deadline board, counted from the roll-up per due date and read between the due
 * dates the counts point at, is exactly the page the agencies' own lines give ({@link DeadlineBoardQueries#perAgency},
 * the reference), for random trees and lifecycles (待补正, 中止计时, extensions, 承办人), any day (today, or one in
 * the past with steps after it), any state filter and any page; after the live projection, after a holiday notice
 * that moves due dates, and after a bulk rebuild.
 */
class DeadlineBoardRollUpTest extends QuerySideTest {

    private static final List<String> DAYS = List.of("2022-06-15", "2023-09-01", "2024-03-01", "2025-01-15", "2026-06-15");
    private static final List<List<BoardState>> FILTERS = List.of(List.of(), List.of(BoardState.OVERDUE),
            List.of(BoardState.DUE_SOON, BoardState.AWAITING_CORRECTION), List.of(BoardState.ON_TRACK, BoardState.OVERDUE),
            List.of(BoardState.SUSPENDED, BoardState.CALENDAR_NOT_LOADED));

    @Autowired
    DeadlineBoardQueries board;
    @Autowired
    RollUps rollUps;

    @Test
    void aWholeTreesPagesFromTheRollUpAreThoseOfTheAgenciesOwnLines() {
        Random random = new Random(18);
        RandomLifecycles lifecycles = new RandomLifecycles(1810);
        // given a random tree of seven agencies with random lifecycles in every agency
        List<String> tree = new ArrayList<>(List.of(newAgency(null)));
        for (int i = 0; i < 6; i++) {
            tree.add(newAgency(tree.get(random.nextInt(tree.size()))));
        }
        for (int i = 0; i < 160; i++) {
            RandomLifecycles.Lifecycle l = lifecycles.next(List.of(tree.get(random.nextInt(tree.size()))), null);
            for (RequestEvent event : l.events()) {
                append(l.requestId(), event);
            }
        }
        // and lines due on the same day in several agencies (a page boundary inside one due date), and lines whose
        // due date waits for the notice of 2027
        for (int i = 0; i < 12; i++) {
            received(tree.get(random.nextInt(tree.size())), "2024-11-0" + (4 + i % 3));
        }
        for (int i = 0; i < 5; i++) {
            received(tree.get(random.nextInt(tree.size())), "2026-12-2" + i);
        }
        awaitProjectedAndRolledUp(tree.get(0));
        assertThat(rollUps.read(agencies.codesOf(tree.get(0), true), root -> true)).as("the roll-ups serve the tree").isPresent();
        assertTallyAndRollUpHoldTheBoard(tree);
        assertPagesAgree(tree, DAYS);
        assertPagesConcatenateToTheUnpagedBoard(tree.get(0), "2025-01-15");

        // when a holiday notice gives the waiting lines their due dates (the tally moves them as it recomputes)
        withHolidayNotice2027(() -> {
            awaitProjectedAndRolledUp(tree.get(0));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM board_tally t WHERE agency_code = ANY(?) AND answer_due_on > '2026-12-31'",
                    Long.class, (Object) tree.toArray(String[]::new))).as("the lines due in 2027 counted").isPositive();
            assertTallyAndRollUpHoldTheBoard(tree);
            assertPagesAgree(tree, List.of("2026-12-28", "2027-01-18"));
        });

        // and after a bulk rebuild
        assertThat(admin().post("/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
        admin().awaitRebuilt(Duration.ofSeconds(120));
        awaitProjectedAndRolledUp(tree.get(0));
        assertTallyAndRollUpHoldTheBoard(tree);
        assertPagesAgree(tree, DAYS.subList(0, 3));
    }

    /**
     * The tally is the board's running lines per agency and due date, the roll-up its sums per ancestor, and
     * neither keeps a row that came to 0 (the due dates whose lines were all answered).
     */
    private void assertTallyAndRollUpHoldTheBoard(List<String> tree) {
        Object[] ours = {tree.toArray(String[]::new), tree.toArray(String[]::new)};
        String tally = "SELECT agency_code, answer_due_on, sum(n) FROM board_tally WHERE agency_code = ANY(?) GROUP BY 1, 2 HAVING sum(n) <> 0";
        String lines = "SELECT agency_code, answer_due_on, count(*) FROM deadline_board WHERE agency_code = ANY(?) "
                + "AND phase = 'RUNNING' AND answer_due_on IS NOT NULL GROUP BY 1, 2";
        assertThat(jdbc.queryForList(tally + " EXCEPT " + lines, ours)).as("the tally is the board's running lines").isEmpty();
        assertThat(jdbc.queryForList(lines + " EXCEPT " + tally, ours)).as("the tally is the board's running lines").isEmpty();
        String rolledUp = "SELECT ancestor_code, answer_due_on, sum(n) FROM board_rollup WHERE ancestor_code = ANY(?) "
                + "GROUP BY 1, 2 HAVING sum(n) <> 0";
        String resummed = "SELECT anc.code, t.answer_due_on, sum(t.n) FROM board_tally t JOIN agency a ON a.code = t.agency_code "
                + "JOIN agency anc ON a.path LIKE anc.path || '%' AND anc.code <> a.code WHERE anc.code = ANY(?) "
                + "GROUP BY 1, 2 HAVING sum(t.n) <> 0";
        assertThat(jdbc.queryForList(rolledUp + " EXCEPT " + resummed, ours)).as("the roll-up sums the tally").isEmpty();
        assertThat(jdbc.queryForList(resummed + " EXCEPT " + rolledUp, ours)).as("the roll-up sums the tally").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM board_tally WHERE n = 0", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM board_rollup WHERE n = 0", Long.class)).isZero();
    }

    /**
     * Every agency of the tree with its sub-agencies (its whole tree: the roll-up), the root and a leaf alone (one
     * agency: the agency's own lines either way), each day and state filter, everyone's and one 承办人's lines, every
     * page of 4 lines and the first of 50.
     */
    private void assertPagesAgree(List<String> tree, List<String> days) {
        List<List<String>> scopes = new ArrayList<>();
        for (String agency : tree) {
            scopes.add(agencies.codesOf(agency, true));
        }
        scopes.add(List.of(tree.get(0)));
        scopes.add(List.of(tree.get(tree.size() - 1)));
        for (List<String> codes : scopes) {
            for (String on : days) {
                LocalDate day = d(on);
                for (List<BoardState> states : FILTERS) {
                    for (String assignee : states.isEmpty() ? Arrays.asList(null, "staff1") : Arrays.asList((String) null)) {
                        String at = codes + " as of " + day + " " + states + " 承办人 " + assignee;
                        DeadlineBoard first = assertSamePage(codes, day, states, assignee, 0, 50, at);
                        for (int page = 0; page <= first.total() / 4 + 1; page++) {
                            assertSamePage(codes, day, states, assignee, page, 4, at);
                        }
                    }
                }
            }
        }
    }

    private DeadlineBoard assertSamePage(List<String> codes, LocalDate day, List<BoardState> states, String assignee,
                                        int page, int size, String at) {
        DeadlineBoard reference = board.perAgency(codes, day, states, assignee, page, size);
        assertThat(board.page(codes, day, states, assignee, page, size)).as(at + " page " + page + " of " + size)
                .isEqualTo(reference);
        return reference;
    }

    /** Over HTTP too: the pages of the root's whole tree, one after the other, are its unpaged board. */
    private void assertPagesConcatenateToTheUnpagedBoard(String root, String asOf) {
        String query = "/api/deadlines?agencyCode=" + root + "&includeSubAgencies=true&asOf=" + asOf;
        JsonNode unpaged = get(query).json();
        List<String> paged = new ArrayList<>();
        for (int page = 0; page * 3 < unpaged.path("total").asInt() + 3; page++) {
            JsonNode answer = get(query + "&page=" + page + "&size=3").json();
            assertThat(answer.path("counts")).isEqualTo(unpaged.path("counts"));
            answer.path("items").forEach(i -> paged.add(i.path("requestId").asText()));
        }
        assertThat(paged).isEqualTo(StreamSupport.stream(unpaged.path("items").spliterator(), false)
                .map(i -> i.path("requestId").asText()).toList());
        assertThat(paged).hasSizeGreaterThan(10);
    }

    /** The projection has caught up with the store, and the roll-ups are summed for the tree of now. */
    private void awaitProjectedAndRolledUp(String root) {
        assertThat(get("/api/deadlines?agencyCode=" + root + "&includeSubAgencies=true&size=1").status()).isEqualTo(200);
        awaitRollUpsCurrent();
    }
}

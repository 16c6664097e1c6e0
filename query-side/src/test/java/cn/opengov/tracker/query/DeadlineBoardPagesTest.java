package cn.opengov.tracker.query;

import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.event.ConsultationStarted;
import cn.opengov.tracker.api.request.event.CorrectionRequested;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline board in pages (issue 18): every page together is the unpaged board, in its order, whatever the page
 * size, state filter or day; {@code total} and {@code counts} (per state, the whole scope) come with every answer.
 */
class DeadlineBoardPagesTest extends QuerySideTest {

    String city;
    String department;

    @BeforeEach
    void aCityWithLinesInEveryState() {
        city = newAgency(null);
        department = newAgency(city);
        // as of 2025-03-20: received 2025-02-10 … due 2025-03-10 → overdue; 2025-02-20 → due 2025-03-20, soon;
        // 2025-03-10 → on track. Several on one day tie on the due date and are ordered by tracking number.
        for (String on : List.of("2025-02-10", "2025-02-20", "2025-02-20", "2025-02-20", "2025-03-10", "2025-03-18")) {
            received(city, on);
            received(department, on);
        }
        UUID waiting = received(department, "2025-03-03");
        append(waiting, new CorrectionRequested(waiting, d("2025-03-05"), "请补充", d("2025-03-20")));
        UUID consulting = received(city, "2025-03-03");
        append(consulting, new ConsultationStarted(consulting, "c1", ConsultationKind.THIRD_PARTY, "某企业", d("2025-03-10")));
        // a step after an earlier day: as of 2025-03-04 this line is read from its timeline
        UUID later = received(department, "2025-02-24");
        append(later, new CorrectionRequested(later, d("2025-03-12"), "请补充", d("2025-03-25")));
    }

    @Test
    void everyPageTogetherIsTheUnpagedBoardWithItsTotalAndCounts() {
        for (String asOf : List.of("2025-03-20", "2025-03-04", "2025-03-11")) {
            for (String filter : List.of("", "&state=OVERDUE", "&state=DUE_SOON&state=AWAITING_CORRECTION",
                    "&state=SUSPENDED", "&state=ON_TRACK&state=OVERDUE")) {
                String query = "/api/deadlines?agencyCode=" + city + "&includeSubAgencies=true&asOf=" + asOf + filter;
                JsonNode unpaged = get(query).json();
                List<String> all = ids(unpaged);
                assertThat(unpaged.path("total").asInt()).isEqualTo(all.size());
                assertThat(unpaged.path("page").isNull()).as("unpaged").isTrue();
                for (int size : List.of(1, 2, 3, 5, 50)) {
                    List<String> paged = new ArrayList<>();
                    int pages = (all.size() + size - 1) / size;
                    for (int page = 0; page <= pages; page++) {
                        JsonNode answer = get(query + "&page=" + page + "&size=" + size).json();
                        assertThat(answer.path("total").asInt()).as(query).isEqualTo(all.size());
                        assertThat(answer.path("counts")).as(query).isEqualTo(unpaged.path("counts"));
                        assertThat(answer.path("page").asInt()).isEqualTo(page);
                        List<String> lines = ids(answer);
                        assertThat(lines.size()).as(query + " page " + page + " of " + size)
                                .isEqualTo(Math.max(0, Math.min(size, all.size() - page * size)));
                        paged.addAll(lines);
                    }
                    assertThat(paged).as(query + " in pages of " + size).containsExactlyElementsOf(all);
                }
            }
        }
    }

    @Test
    void countsAreTheWholeScopeByStateWhateverTheStateFilter() {
        JsonNode answer = get("/api/deadlines?agencyCode=" + city + "&includeSubAgencies=true&asOf=2025-03-20"
                + "&state=OVERDUE&size=2").json();
        JsonNode counts = answer.path("counts");
        assertThat(counts.path("OVERDUE").asInt()).isEqualTo(2);
        assertThat(counts.path("DUE_SOON").asInt()).isEqualTo(6);
        assertThat(counts.path("ON_TRACK").asInt()).isEqualTo(4);
        assertThat(counts.path("AWAITING_CORRECTION").asInt()).isEqualTo(2);
        assertThat(counts.path("SUSPENDED").asInt()).isEqualTo(1);
        assertThat(counts.path("CALENDAR_NOT_LOADED").asInt()).isZero();
        assertThat(answer.path("total").asInt()).isEqualTo(2);
        assertThat(answer.path("size").asInt()).isEqualTo(2);
        assertThat(answer.path("page").asInt()).as("page 0 by default").isZero();
        assertThat(ids(answer)).hasSize(2);
    }

    @Test
    void aPageSizeOutOfRangeIsRefused() {
        String board = "/api/deadlines?agencyCode=" + city;
        assertThat(get(board + "&size=201").status()).isEqualTo(400);
        assertThat(get(board + "&size=0").status()).isEqualTo(400);
        assertThat(get(board + "&page=-1").status()).isEqualTo(400);
        assertThat(get(board + "&page=x").status()).isEqualTo(400);
        assertThat(get(board + "&page=3").json().path("size").asInt()).as("size 50 by default").isEqualTo(50);
    }

    @Test
    void theBoardPageShowsTheCountsAndPagesKeepingTheFilters() {
        for (int i = 0; i < 50; i++) {
            received(department, "2025-03-18");
        }
        String page = get("/board?agencyCode=" + city + "&asOf=2025-03-20&state=ON_TRACK&state=DUE_SOON").text();
        assertThat(page).contains("即将到期 6").contains("正常 54").contains("已逾期 2").contains("中止计时 1");
        assertThat(page).contains("共 60 件，第 1 / 2 页").contains("下一页").doesNotContain("上一页");
        String next = "page=1";
        assertThat(page).containsPattern("href=\"/board\\?agencyCode=" + city
                + "&amp;state=ON_TRACK&amp;state=DUE_SOON&amp;assignee=&amp;asOf=2025-03-20&amp;" + next + "\"");
        String second = get("/board?agencyCode=" + city + "&asOf=2025-03-20&state=ON_TRACK&state=DUE_SOON&page=1").text();
        assertThat(second).contains("共 60 件，第 2 / 2 页").contains("上一页").doesNotContain("下一页");
        assertThat(second.split("data-request=").length - 1).isEqualTo(10);
    }

    private static List<String> ids(JsonNode board) {
        return StreamSupport.stream(board.path("items").spliterator(), false)
                .map(i -> i.path("requestId").asText()).toList();
    }
}

package cn.opengov.tracker.query;

import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.FeeBasis;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.ConsultationStarted;
import cn.opengov.tracker.api.request.event.CorrectionRequested;
import cn.opengov.tracker.api.request.event.FeeNoticeIssued;
import cn.opengov.tracker.api.request.event.FeePaid;
import cn.opengov.tracker.api.request.event.RequestAssigned;
import cn.opengov.tracker.platform.testing.ApiClient;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilding every read model from the event store gives the same answers; read-your-writes waits or says 503. */
class RebuildAndPositionTest extends QuerySideTest {

    private static final String TALLIES_FROM_DELTAS = "SELECT agency_code, applicant_type, received_year, answered_year, outcome, sum(n) "
            + "FROM matrix_tally GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0";
    private static final String TALLIES_FROM_REQUEST_VIEW = "SELECT agency_code, applicant_type, extract(year FROM received_on)::int, "
            + "coalesce(extract(year FROM answered_on)::int, 0), coalesce(outcome, ''), count(*) FROM request_view GROUP BY 1, 2, 3, 4, 5";

    @Test
    void rebuildingFromTheEventStoreGivesTheSameTablesBoardsAndDetails() {
        String county = newAgency(null);
        String department = newAgency(county);
        UUID open = received(department, "2025-11-03");
        append(open, new CorrectionRequested(open, d("2025-11-05"), "请补充", d("2025-11-20")));
        UUID answered = received(county, "2025-02-03");
        append(answered, new RequestAssigned(answered, "staff", null),
                new FeeNoticeIssued(answered, d("2025-02-05"), new BigDecimal("100.00"), d("2025-02-07"), FeeBasis.PER_REQUEST),
                new FeePaid(answered, d("2025-02-10")));
        answered(answered, "2025-02-20", OutcomeCategory.WITHHELD_PROCESS_INFO);
        UUID consulted = received(department, "2025-11-10");
        append(consulted, new RequestAssigned(consulted, "staff", null),
                new ConsultationStarted(consulted, "c1", ConsultationKind.OTHER_AGENCY, "县财政局", d("2025-12-01")));
        String[] paths = {
                "/api/reports/2025/matrix?agencyCode=" + county + "&includeSubAgencies=true",
                "/api/reports/2025/review-litigation?agencyCode=" + county + "&includeSubAgencies=true",
                "/api/reports/2025/fees?agencyCode=" + county + "&includeSubAgencies=true",
                "/api/deadlines?agencyCode=" + county + "&includeSubAgencies=true&asOf=2025-12-31&assignee=staff",
                "/api/deadlines?agencyCode=" + county + "&includeSubAgencies=true&asOf=2025-12-01",
                "/api/requests?agencyCode=" + county + "&includeSubAgencies=true",
                "/api/requests/" + answered};
        String[] before = answers(paths);
        // a bulk rebuild sums the section 三 tallies from request_view: the processor's deltas must agree with that
        assertThat(jdbc.queryForList(TALLIES_FROM_DELTAS + " EXCEPT " + TALLIES_FROM_REQUEST_VIEW)).isEmpty();
        assertThat(jdbc.queryForList(TALLIES_FROM_REQUEST_VIEW + " EXCEPT " + TALLIES_FROM_DELTAS)).isEmpty();

        // damage the read models the way a faulty release would: only a real rebuild brings the answers back
        jdbc.update("UPDATE matrix_tally SET n = n + 100");
        jdbc.update("UPDATE fee_tally SET n = n + 100");
        jdbc.update("DELETE FROM deadline_board");
        jdbc.update("UPDATE request_view SET description = '被改坏的描述'");
        assertThat(get(paths[0]).text()).isNotEqualTo(before[0]);

        ApiClient.Response rebuild = admin().post("/api/admin/projections/rebuild", Map.of());
        assertThat(rebuild.status()).isEqualTo(202);
        admin().awaitRebuilt(Duration.ofSeconds(60));
        for (int i = 0; i < paths.length; i++) {
            assertThat(get(paths[i]).text()).as(paths[i]).isEqualTo(before[i]);
        }
    }

    @Test
    void whileARebuildRunsReadersAnswerFromTheTablesAsTheyWereAndThenFromTheRebuiltOnes() throws Exception {
        String county = newAgency(null);
        String department = newAgency(county);
        UUID open = received(department, "2025-05-06");
        answered(received(county, "2025-04-01"), "2025-04-15", OutcomeCategory.DISCLOSED);
        String[] paths = {
                "/api/reports/2025/matrix?agencyCode=" + county + "&includeSubAgencies=true",
                "/api/reports/2025/fees?agencyCode=" + county + "&includeSubAgencies=true",
                "/api/deadlines?agencyCode=" + county + "&includeSubAgencies=true&asOf=2025-06-01",
                "/api/requests?agencyCode=" + county + "&includeSubAgencies=true",
                "/api/requests/" + open};
        String[] rebuilt = answers(paths);
        // read models a faulty release has damaged: what readers see until the rebuild replaces them
        jdbc.update("UPDATE matrix_tally SET n = n + 100");
        jdbc.update("UPDATE request_view SET description = '被改坏的描述'");
        String[] damaged = answers(paths);
        assertThat(damaged[0]).isNotEqualTo(rebuilt[0]);

        // the rebuild is held just before its new tables take the old ones' place: it writes its report there
        try (Connection holder = jdbc.getDataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("LOCK TABLE projection_rebuild_report IN EXCLUSIVE MODE");
            }
            assertThat(admin().post("/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
            awaitUntil(Duration.ofSeconds(60), () -> jdbc.queryForObject("SELECT count(*) FROM pg_locks "
                    + "WHERE relation = 'projection_rebuild_report'::regclass AND NOT granted", Long.class) > 0);

            for (int i = 0; i < paths.length; i++) {
                long started = System.nanoTime();
                ApiClient.Response during = get(paths[i]);
                assertThat(during.status()).as(paths[i]).isEqualTo(200);
                assertThat(during.text()).as(paths[i]).isEqualTo(damaged[i]);
                // not after a wait for the rebuild's locks (a reader gives up after 5 s)
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as(paths[i]).isLessThan(Duration.ofSeconds(3));
            }
            holder.rollback();
        }
        admin().awaitRebuilt(Duration.ofSeconds(60));
        for (int i = 0; i < paths.length; i++) {
            assertThat(get(paths[i]).text()).as(paths[i]).isEqualTo(rebuilt[i]);
        }
        // nothing of the rebuild's working copies is left behind
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'tracker\\_re%'", Long.class)).isZero();
    }

    /** What each path answers now, in order. */
    private String[] answers(String[] paths) {
        String[] texts = new String[paths.length];
        for (int i = 0; i < paths.length; i++) {
            texts[i] = get(paths[i]).text();
        }
        return texts;
    }

    private static void awaitUntil(Duration atMost, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + atMost).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void aRebuildLeavesThePlannerTheSizeOfEveryTableItRewrote() {
        String agency = newAgency(null);
        received(agency, "2025-03-03");
        answered(received(agency, "2025-03-04"), "2025-03-10", OutcomeCategory.DISCLOSED);

        ApiClient.Response rebuild = admin().post("/api/admin/projections/rebuild", Map.of());
        assertThat(rebuild.status()).isEqualTo(202);
        admin().awaitRebuilt(Duration.ofSeconds(60));

        // TRUNCATE leaves a table's size unknown (-1) to the planner until it is analyzed: the rebuild does it
        for (String table : new String[] {"request_view", "deadline_board", "matrix_tally"}) {
            Long rows = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
            Double planned = jdbc.queryForObject("SELECT reltuples::float8 FROM pg_class WHERE oid = ?::regclass", Double.class, table);
            assertThat(planned).as(table).isEqualTo(rows.doubleValue());
        }
    }

    @Test
    void aRebuildVacuumsTheTablesItRewroteOnceTheyAreLive() throws Exception {
        String agency = newAgency(null);
        received(agency, "2025-04-01");

        assertThat(admin().post("/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
        admin().awaitRebuilt(Duration.ofSeconds(60));

        // the first reader of a page the rebuild wrote would otherwise set its hint bits and write it back, and the
        // board's index-only scans would read the table anyway (whether VACUUM can mark a page visible to all also
        // depends on the transactions of other databases on the server: a test cannot count on it)
        awaitUntil(Duration.ofSeconds(30), () -> !admin().get("/api/admin/projections/status").json().path("vacuumingHere").asBoolean());
        // the rebuilt tables are new ones: nothing had vacuumed them before
        for (String table : new String[] {"request_view", "deadline_board", "matrix_tally"}) {
            awaitUntil(Duration.ofSeconds(10), () -> vacuums(table) > 0);
        }
    }

    private long vacuums(String table) {
        // a new transaction each time: the statistics a transaction reads are those of its first read
        return jdbc.queryForObject("SELECT vacuum_count FROM pg_stat_user_tables WHERE relid = ?::regclass", Long.class, table);
    }

    @Test
    void aQueryThatMeetsARebuildsLockAnswers503WithRetryAfterInsteadOfWaitingForIt() throws Exception {
        String agency = newAgency(null);
        received(agency, "2025-03-03");
        String matrix = "/api/reports/2025/matrix?agencyCode=" + agency;
        assertThat(get(matrix).status()).isEqualTo(200);
        try (Connection rebuild = jdbc.getDataSource().getConnection()) {
            rebuild.setAutoCommit(false);
            try (Statement s = rebuild.createStatement()) {
                s.execute("LOCK TABLE matrix_tally IN ACCESS EXCLUSIVE MODE");
            }
            long started = System.nanoTime();
            ApiClient.Response busy = get(matrix);
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.header("Retry-After")).contains("5");
            assertThat(busy.json().path("detail").asText()).contains("稍后重试");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(15));
            rebuild.rollback();
        }
        assertThat(get(matrix).status()).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsRebuild() {
        ApiClient staff = ApiClient.at("http://localhost:" + port).as("staff", "staff");
        assertThat(staff.post("/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aQueryWaitsForItsPositionAndAnswers503WithRetryAfterWhenItNeverComes() {
        String agency = newAgency(null);
        received(agency, "2025-03-03");
        assertThat(get("/api/requests?agencyCode=" + agency).json().path("total").asInt()).isEqualTo(1);
        long started = System.nanoTime();
        ApiClient.Response late = admin().get("/api/requests?agencyCode=" + agency,
                Map.of("X-Min-Position", String.valueOf(head() + 1_000_000)));
        assertThat(late.status()).isEqualTo(503);
        assertThat(late.header("Retry-After")).contains("1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(9));
    }

    @Test
    void listsMaskIdNumbersAndSearchByNameNumberAndDescription() {
        String agency = newAgency(null);
        UUID id = UUID.randomUUID();
        append(id, new cn.opengov.tracker.api.request.event.RequestReceived(id, agency + "-2025-0042", agency, d("2025-03-03"),
                cn.opengov.tracker.api.request.Channel.MAIL,
                new cn.opengov.tracker.api.request.Applicant(cn.opengov.tracker.api.request.ApplicantType.NATURAL_PERSON,
                        "欧阳娜娜", "11010519491231002X", "13800000000", null, "北京市"), "申请公开拆迁补偿标准"));
        var list = get("/api/requests?agencyCode=" + agency + "&q=欧阳").json();
        assertThat(list.path("total").asInt()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("applicant").path("idNumber").asText()).isEqualTo("1101**********002X");
        assertThat(get("/api/requests?agencyCode=" + agency + "&q=拆迁补偿").json().path("total").asInt()).isEqualTo(1);
        assertThat(get("/api/requests?agencyCode=" + agency + "&q=0042").json().path("total").asInt()).isEqualTo(1);
        assertThat(get("/api/requests?agencyCode=" + agency + "&q=100%25").json().path("total").asInt()).isZero();
        assertThat(get("/api/requests/" + id).json().path("applicant").path("idNumber").asText()).isEqualTo("11010519491231002X");
        assertThat(get("/api/requests?agencyCode=" + agency + "&status=ANSWERED").json().path("total").asInt()).isZero();
        assertThat(get("/api/requests?agencyCode=" + agency + "&status=NOPE").status()).isEqualTo(400);
    }
}

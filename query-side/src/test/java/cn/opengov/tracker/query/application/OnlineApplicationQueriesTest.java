package cn.opengov.tracker.query.application;

import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.platform.directory.Role;
import cn.opengov.tracker.platform.directory.UserDirectory;
import cn.opengov.tracker.platform.publicaccess.AccessCodes;
import cn.opengov.tracker.platform.testing.ApiClient;
import cn.opengov.tracker.query.QuerySideTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox of online applications and the public status lookup (SPEC §2b, API.md): the applications are written
 * as the command side writes them, the lookup is called without a login from addresses of each test's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineApplicationQueriesTest extends QuerySideTest {

    @Autowired
    UserDirectory users;

    private String agency;
    private String staff;

    @BeforeAll
    void setUp() {
        agency = newAgency(null);
        staff = "inbox-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(staff, "geheim-123", Role.STAFF, agency, "test");
    }

    private record Submitted(UUID id, String no, String code) {
    }

    private Submitted submitted(String agencyCode, String on) {
        UUID id = UUID.randomUUID();
        String no = "WS" + on.replace("-", "") + AccessCodes.randomDigits(6);
        String code = AccessCodes.newCode();
        jdbc.update("""
                INSERT INTO online_application (application_id, application_no, access_code_hash, agency_code, applicant_type,
                    applicant_name, id_number, description, delivery_form, submitted_at, submitted_on, status)
                VALUES (?, ?, ?, ?, 'NATURAL_PERSON', '钱七', '11010519491231002X', '申请公开某项目的验收报告', 'ONLINE', ?, ?::date, 'PENDING')""",
                id, no, AccessCodes.hash(no, code), agencyCode, Timestamp.from(Instant.parse(on + "T02:00:00Z")), on);
        return new Submitted(id, no, code);
    }

    private void confirmedAs(Submitted s, UUID requestId) {
        jdbc.update("UPDATE online_application SET status = 'CONFIRMED', request_id = ?, tracking_no = 'T-1', decided_at = now(), decided_by = ? WHERE application_id = ?",
                requestId, staff, s.id());
    }

    private ApiClient anonymous() {
        return ApiClient.at("http://localhost:" + port);
    }

    private static String someAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private ApiClient.Response lookup(String address, String no, String code) {
        return anonymous().get("/public/status?no=" + no + "&code=" + code, Map.of("X-Forwarded-For", address));
    }

    @Test
    void theInboxShowsTheAgencysWaitingApplicationsOldestFirstWithTheirAge() {
        Submitted older = submitted(agency, "2026-06-01");
        Submitted newer = submitted(agency, "2026-06-12");
        Submitted elsewhere = submitted(newAgency(null), "2026-06-10");
        JsonNode inbox = ApiClient.at("http://localhost:" + port).as(staff, "geheim-123")
                .get("/api/applications?status=PENDING").json();
        assertThat(inbox.path("items").findValuesAsText("applicationNo")).containsSubsequence(older.no(), newer.no())
                .doesNotContain(elsewhere.no());
        JsonNode first = inbox.path("items").get(inbox.path("items").findValuesAsText("applicationNo").indexOf(older.no()));
        assertThat(first.path("ageDays").asInt()).isEqualTo(14);
        assertThat(first.path("statusLabel").asText()).isEqualTo("待确认");
        assertThat(first.path("idNumber").asText()).as("masked as in lists").isEqualTo("1101**********002X");
        assertThat(first.path("deliveryFormLabel").asText()).isEqualTo("通过互联网获取");

        ApiClient.Response outside = ApiClient.at("http://localhost:" + port).as(staff, "geheim-123")
                .get("/api/applications?agencyCode=" + elsewhere.no().substring(0, 0) + "ROOT");
        assertThat(outside.status()).isEqualTo(403);
        assertThat(ApiClient.at("http://localhost:" + port).as(staff, "geheim-123").get("/api/applications?status=NOPE").status())
                .isEqualTo(400);
        assertThat(anonymous().get("/api/applications").status()).isEqualTo(401);
    }

    @Test
    void theLookupTellsWhereTheApplicationStandsAndNothingPersonal() {
        Submitted s = submitted(agency, "2026-06-10");
        String address = someAddress();
        ApiClient.Response pending = lookup(address, s.no(), s.code().toLowerCase());
        assertThat(pending.status()).as(pending.text()).isEqualTo(200);
        assertThat(pending.json().path("stateLabel").asText()).isEqualTo("待确认");
        assertThat(pending.header("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));

        UUID requestId = received(agency, "2026-06-11");
        confirmedAs(s, requestId);
        get("/api/requests/" + requestId);
        JsonNode open = lookup(address, s.no(), s.code()).json();
        assertThat(open.path("stateLabel").asText()).isEqualTo("办理中");
        assertThat(open.path("receivedOn").asText()).isEqualTo("2026-06-11");
        assertThat(open.path("answerDueOn").asText()).isEqualTo("2026-07-10");
        assertThat(open.path("answeredOn").isNull()).isTrue();

        answered(requestId, "2026-06-15", OutcomeCategory.WITHHELD_THIRD_PARTY_RIGHTS);
        get("/api/requests/" + requestId);
        ApiClient.Response done = lookup(address, s.no(), s.code());
        assertThat(done.json().path("stateLabel").asText()).isEqualTo("已答复");
        assertThat(done.json().path("answeredOn").asText()).isEqualTo("2026-06-15");
        assertThat(done.json().path("outcomeLabel").asText()).isEqualTo("不予公开（保护第三方合法权益）");
        assertThat(done.text()).doesNotContain("钱七").doesNotContain("1101").doesNotContain("验收报告")
                .doesNotContain("申请人").doesNotContain("申请公开某事项");
    }

    @Test
    void anyWrongPairGetsTheSame404AfterTheSameTime() {
        Submitted s = submitted(agency, "2026-06-10");
        String address = someAddress();
        long t0 = System.nanoTime();
        ApiClient.Response wrongCode = lookup(address, s.no(), "ABCDEFGHJK");
        long t1 = System.nanoTime();
        ApiClient.Response unknownNo = lookup(address, "WS20260610000000", s.code());
        long t2 = System.nanoTime();
        assertThat(wrongCode.status()).isEqualTo(404);
        assertThat(unknownNo.status()).isEqualTo(404);
        assertThat(wrongCode.json().path("detail")).isEqualTo(unknownNo.json().path("detail"));
        assertThat(wrongCode.json().path("code")).isEqualTo(unknownNo.json().path("code"));
        long a = (t1 - t0) / 1_000_000;
        long b = (t2 - t1) / 1_000_000;
        assertThat(a).isGreaterThanOrEqualTo(300);
        assertThat(b).isGreaterThanOrEqualTo(300);
        assertThat(Math.abs(a - b)).isLessThan(150);
    }

    @Test
    void afterRepeatedFailuresAChallengeMustBeSolvedAndLaterTheAddressIsBlocked() {
        Submitted s = submitted(agency, "2026-06-10");
        String address = someAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(lookup(address, s.no(), "WRONG" + i).status()).isEqualTo(404);
        }
        ApiClient.Response asked = lookup(address, s.no(), s.code());
        assertThat(asked.status()).as(asked.text()).isEqualTo(428);
        assertThat(asked.json().path("code").asText()).isEqualTo("CHALLENGE_REQUIRED");

        JsonNode challenge = anonymous().get("/public/challenge", Map.of("X-Forwarded-For", address)).json();
        String id = challenge.path("challengeId").asText();
        assertThat(challenge.path("question").asText()).contains("加");
        int answer = jdbc.queryForObject("SELECT answer FROM public_challenge WHERE challenge_id = ?::uuid", Integer.class, id);
        ApiClient.Response wrongAnswer = anonymous().get("/public/status?no=" + s.no() + "&code=" + s.code()
                + "&challengeId=" + id + "&answer=" + (answer + 1), Map.of("X-Forwarded-For", address));
        assertThat(wrongAnswer.status()).isEqualTo(428);

        String id2 = anonymous().get("/public/challenge", Map.of("X-Forwarded-For", address)).json().path("challengeId").asText();
        int answer2 = jdbc.queryForObject("SELECT answer FROM public_challenge WHERE challenge_id = ?::uuid", Integer.class, id2);
        ApiClient.Response solved = anonymous().get("/public/status?no=" + s.no() + "&code=" + s.code()
                + "&challengeId=" + id2 + "&answer=" + answer2, Map.of("X-Forwarded-For", address));
        assertThat(solved.status()).as(solved.text()).isEqualTo(200);
        ApiClient.Response reused = anonymous().get("/public/status?no=" + s.no() + "&code=" + s.code()
                + "&challengeId=" + id2 + "&answer=" + answer2, Map.of("X-Forwarded-For", address));
        assertThat(reused.status()).as("a challenge is answered once").isEqualTo(428);

        jdbc.update("UPDATE public_throttle SET hits = 20 WHERE bucket = 'lookup-failure' AND address = ?", address);
        ApiClient.Response blocked = lookup(address, s.no(), s.code());
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Retry-After")).isPresent();
        assertThat(lookup(someAddress(), s.no(), s.code()).status()).as("other addresses go on").isEqualTo(200);
    }

    @Test
    void challengesAreHandedOutSparinglyToo() {
        String address = someAddress();
        for (int i = 0; i < 10; i++) {
            assertThat(anonymous().get("/public/challenge", Map.of("X-Forwarded-For", address)).status()).isEqualTo(200);
        }
        ApiClient.Response refused = anonymous().get("/public/challenge", Map.of("X-Forwarded-For", address));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isPresent();
    }

    @Test
    void lookupsFromOneAddressAreLimitedPerMinute() {
        Submitted s = submitted(agency, "2026-06-10");
        String address = someAddress();
        int ok = 0;
        ApiClient.Response last = null;
        for (int i = 0; i < 35; i++) {
            last = lookup(address, s.no(), s.code());
            if (last.status() == 200) {
                ok++;
            }
        }
        assertThat(ok).isEqualTo(30);
        assertThat(last.status()).isEqualTo(429);
        assertThat(Long.parseLong(last.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
    }

    @Test
    void thePublicReadsNeedNoLoginAndSetNoSession() {
        ApiClient.Response agencies = anonymous().get("/public/agencies");
        assertThat(agencies.status()).isEqualTo(200);
        assertThat(agencies.json().findValuesAsText("code")).contains(agency).doesNotContain("ROOT");
        assertThat(agencies.header("Set-Cookie")).isEmpty();
        assertThat(lookup(someAddress(), "", "").status()).isEqualTo(404);
    }

    @Test
    void thePagesOpenForApplicantsWithoutALoginAndForStaffWithOne() {
        ApiClient.Response apply = anonymous().get("/public/apply");
        assertThat(apply.status()).isEqualTo(200);
        assertThat(apply.text()).contains("在线提交政府信息公开申请").contains(agency).contains("public.js");
        assertThat(apply.header("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
        assertThat(anonymous().get("/public/lookup").text()).contains("申请进度查询");

        Submitted s = submitted(agency, "2026-06-14");
        ApiClient clerk = ApiClient.at("http://localhost:" + port).as(staff, "geheim-123");
        ApiClient.Response inbox = clerk.get("/applications");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.text()).contains(s.no()).contains("确认受理").contains("已等待 1 天");
        ApiClient.Response mine = clerk.get("/my");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.text()).contains("我的待办").contains("网上申请等待确认");
        ApiClient.Response landing = clerk.get("/");
        assertThat(landing.status()).isEqualTo(302);
        assertThat(landing.header("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/my"));
        assertThat(admin().get("/").header("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/board"));
        assertThat(anonymous().get("/applications").status()).isIn(302, 401);
    }

    @Test
    void whatAnApplicantTypedIsShownToStaffAsTextNeverAsMarkup() {
        Submitted s = submitted(agency, "2026-06-13");
        jdbc.update("UPDATE online_application SET applicant_name = ?, description = ? WHERE application_id = ?",
                "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", s.id());
        String page = ApiClient.at("http://localhost:" + port).as(staff, "geheim-123").get("/applications").text();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                .contains("&lt;img src=x onerror=alert(2)&gt;").doesNotContain("<img src=x");
    }
}

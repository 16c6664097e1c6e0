package cn.opengov.tracker.command.web;

import cn.opengov.tracker.platform.testing.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Online applications (SPEC §2b, 条例第三十一条第（三）项): submitted without a login, kept out of the event store until
 * staff confirm them, then logged exactly as the staff form logs a request, received on the confirmation date.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineApplicationTest extends CommandSideTest {

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private String agency;
    private String staff;

    @BeforeAll
    void setUp() {
        agency = newAgency(null);
        staff = newUserNamed("STAFF", agency);
    }

    /** Every test its own address, so that the per-address throttle counts its calls alone. */
    private static Map<String, String> from(String address) {
        return Map.of("X-Forwarded-For", address);
    }

    private static String someAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private Map<String, Object> application(String agencyCode) {
        Map<String, Object> applicant = new HashMap<>(Map.of("type", "NATURAL_PERSON", "name", "赵六",
                "phone", "13800000000", "email", "zhao@example.cn"));
        return Map.of("agencyCode", agencyCode, "applicant", applicant,
                "description", "申请公开本局2025年度科技项目资金分配结果", "deliveryForm", "ELECTRONIC_EMAIL");
    }

    private ApiClient anonymous() {
        return ApiClient.at("http://localhost:" + port);
    }

    private ApiClient staff() {
        return as(staff, PASSWORD);
    }

    private UUID idOf(String applicationNo) {
        return jdbc.queryForObject("SELECT application_id FROM online_application WHERE application_no = ?", UUID.class,
                applicationNo);
    }

    @Test
    void anApplicantSubmitsWithoutALoginAndGetsANumberAndACodeKeptOnlyAsAHash() {
        long events = eventCount();
        ApiClient.Response r = anonymous().post("/public/applications", application(agency), from(someAddress()));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        String no = r.field("applicationNo");
        String code = r.field("accessCode");
        assertThat(no).matches("WS\\d{14}");
        assertThat(code).matches("[2-9A-HJKMNP-Z]{10}");
        assertThat(r.header("Cache-Control")).hasValue("no-store");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM online_application WHERE application_no = ?", no);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("submitted_on").toString()).isEqualTo("2026-06-15");
        assertThat(row.values().stream().map(String::valueOf)).noneMatch(v -> v.contains(code));
        assertThat(eventCount()).as("an application is not a request: nothing is recorded").isEqualTo(events);
    }

    @Test
    void theApplicantIsCheckedAsStrictlyAsOnTheStaffForm() {
        String address = someAddress();
        Map<String, Object> badId = new HashMap<>(application(agency));
        badId.put("applicant", Map.of("type", "NATURAL_PERSON", "name", "赵六", "idNumber", "110105194912310021"));
        ApiClient.Response r = anonymous().post("/public/applications", badId, from(address));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.text()).contains("applicant.idNumber");

        Map<String, Object> noName = new HashMap<>(application(agency));
        noName.put("applicant", Map.of("type", "NATURAL_PERSON", "name", "  "));
        assertThat(anonymous().post("/public/applications", noName, from(address)).status()).isEqualTo(400);

        Map<String, Object> badEmail = new HashMap<>(application(agency));
        badEmail.put("applicant", Map.of("type", "NATURAL_PERSON", "name", "赵六", "email", "not-an-address"));
        assertThat(anonymous().post("/public/applications", badEmail, from(address)).status()).isEqualTo(400);

        assertThat(anonymous().post("/public/applications", application("NO-SUCH-AGENCY"), from(address)).status())
                .isEqualTo(400);
        assertThat(anonymous().post("/public/applications", "{\"agencyCode\":\"" + agency + "\",\"description\":\"x\\u0000\"}",
                from(address)).status()).isEqualTo(400);
        Integer rows = jdbc.queryForObject("SELECT count(*) FROM online_application WHERE applicant_name = '  '", Integer.class);
        assertThat(rows).isZero();
    }

    @Test
    void aPublicBodyHasItsOwnSmallerLimit() {
        Map<String, Object> big = new HashMap<>(application(agency));
        big.put("description", "x".repeat(20_000));
        ApiClient.Response r = anonymous().post("/public/applications", big, from(someAddress()));
        assertThat(r.status()).as(r.text()).isEqualTo(413);
    }

    @Test
    void confirmingLogsTheRequestReceivedOnTheConfirmationDateThroughTheUsualReceipt() {
        ApiClient.Response submitted = anonymous().post("/public/applications", application(agency), from(someAddress()));
        UUID id = idOf(submitted.field("applicationNo"));

        ApiClient.Response confirmed = staff().post("/api/applications/" + id + "/confirm", Map.of("receivedOn", "2026-06-15"));
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(201);
        assertThat(confirmed.header("X-Event-Position")).isPresent();
        UUID requestId = UUID.fromString(confirmed.field("requestId"));
        assertThat(confirmed.field("trackingNo")).isNotBlank();
        assertThat(eventsOf(requestId, "RequestReceived")).isEqualTo(1);
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, requestId.toString());
        assertThat(payload).contains("\"receivedOn\":\"2026-06-15\"").contains("\"channel\":\"ONLINE\"").contains("赵六")
                .contains("ELECTRONIC_EMAIL");
        Map<String, Object> row = jdbc.queryForMap("SELECT status, request_id, tracking_no, decided_by FROM online_application WHERE application_id = ?", id);
        assertThat(row).containsEntry("status", "CONFIRMED").containsEntry("request_id", requestId)
                .containsEntry("tracking_no", confirmed.field("trackingNo")).containsEntry("decided_by", staff);

        ApiClient.Response again = staff().post("/api/applications/" + id + "/confirm", Map.of("receivedOn", "2026-06-15"));
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.field("code")).isEqualTo("APPLICATION_ALREADY_DECIDED");
    }

    @Test
    void aConfirmationCannotPredateTheSubmissionNorLieInTheFuture() {
        UUID id = idOf(anonymous().post("/public/applications", application(agency), from(someAddress())).field("applicationNo"));
        long events = eventCount();
        ApiClient.Response early = staff().post("/api/applications/" + id + "/confirm", Map.of("receivedOn", "2026-06-12"));
        assertThat(early.status()).as(early.text()).isEqualTo(409);
        assertThat(early.field("code")).isEqualTo("CONFIRMED_BEFORE_SUBMISSION");
        ApiClient.Response future = staff().post("/api/applications/" + id + "/confirm", Map.of("receivedOn", "2026-07-01"));
        assertThat(future.status()).as(future.text()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT status FROM online_application WHERE application_id = ?", String.class, id))
                .isEqualTo("PENDING");
        ApiClient.Response today = staff().post("/api/applications/" + id + "/confirm", "{}");
        assertThat(today.status()).as(today.text()).isEqualTo(201);
    }

    @Test
    void rejectingRecordsTheReasonAndNothingInTheTables() {
        UUID id = idOf(anonymous().post("/public/applications", application(agency), from(someAddress())).field("applicationNo"));
        long events = eventCount();
        assertThat(staff().post("/api/applications/" + id + "/reject", Map.of("reason", " ")).status()).isEqualTo(400);
        ApiClient.Response r = staff().post("/api/applications/" + id + "/reject", Map.of("reason", "非政府信息公开申请（咨询）"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.queryForMap("SELECT status, reject_reason FROM online_application WHERE application_id = ?", id))
                .containsEntry("status", "REJECTED").containsEntry("reject_reason", "非政府信息公开申请（咨询）");
        assertThat(staff().post("/api/applications/" + id + "/confirm", "{}").status()).isEqualTo(409);
    }

    @Test
    void staffOfAnotherAgencySeeNoSuchApplication() {
        UUID id = idOf(anonymous().post("/public/applications", application(agency), from(someAddress())).field("applicationNo"));
        String other = newAgency(null);
        ApiClient outsider = as(newUserNamed("STAFF", other), PASSWORD);
        assertThat(outsider.post("/api/applications/" + id + "/confirm", "{}").status()).isEqualTo(404);
        assertThat(outsider.post("/api/applications/" + id + "/reject", Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(anonymous().post("/api/applications/" + id + "/confirm", "{}").status()).isEqualTo(401);
        assertThat(staff().post("/api/applications/" + UUID.randomUUID() + "/confirm", "{}").status()).isEqualTo(404);
    }

    @Test
    void aFloodFromOneAddressIsThrottledWhileOtherAddressesAndStaffGoOn() {
        String flooder = someAddress();
        int accepted = 0;
        int throttled = 0;
        String retryAfter = null;
        for (int i = 0; i < 1000; i++) {
            ApiClient.Response r = anonymous().post("/public/applications", application(agency), from(flooder));
            if (r.status() == 201) {
                accepted++;
            } else {
                assertThat(r.status()).as(r.text()).isEqualTo(429);
                throttled++;
                retryAfter = r.header("Retry-After").orElseThrow();
            }
        }
        assertThat(accepted).isEqualTo(20);
        assertThat(throttled).isEqualTo(980);
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3600L);

        long start = System.nanoTime();
        assertThat(anonymous().post("/public/applications", application(agency), from(someAddress())).status()).isEqualTo(201);
        log(staff(), agency, "2026-06-15");
        assertThat((System.nanoTime() - start) / 1_000_000).as("others are not slowed down").isLessThan(2_000);
    }

    @Test
    void aPublicPathAuthenticatesNobodyAndNoStaffEndpointLivesUnderIt() {
        // credentials sent to a public path are not even read: the application is anonymous whoever sends it
        ApiClient.Response r = admin().post("/public/applications", application(agency), from(someAddress()));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Set-Cookie")).isEmpty();
        // a public path cannot be bent into a staff one
        assertThat(anonymous().post("/public/../api/requests", request(agency, "2026-06-15")).status()).isIn(400, 401, 404);
        assertThat(anonymous().post("/public/%2e%2e/api/requests", request(agency, "2026-06-15")).status()).isIn(400, 401, 404);
        assertThat(anonymous().post("/public/applications/../../api/requests", request(agency, "2026-06-15")).status()).isIn(400, 401);
        // the only handlers under /public are the applicant's own
        Set<String> publicPaths = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            e.getKey().getPatternValues().stream().filter(p -> p.startsWith("/public")).forEach(publicPaths::add);
        }
        assertThat(publicPaths).containsExactly("/public/applications");
    }
}

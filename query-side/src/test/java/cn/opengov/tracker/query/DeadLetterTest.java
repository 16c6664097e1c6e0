package cn.opengov.tracker.query;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.RequestAnswered;
import cn.opengov.tracker.api.request.event.RequestAssigned;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: one event a projection cannot handle never stops the read side. It becomes a dead letter (with the
 * later events of its request), every other request is projected and counted, an administrator sees it in the
 * status and retries it once the cause is fixed, and a rebuild skips and reports it. Nothing about it that reaches
 * a log, a dead letter or the status carries the applicant's personal data.
 */
class DeadLetterTest extends QuerySideTest {

    private static final String NAME = "张三丰";
    private static final String ID_NUMBER = "11010519491231002X";
    private static final String PHONE = "13912345678";
    private static final String ADDRESS = "北京市朝阳区某某路1号";
    /** What the applicant's data may look like in a log: the name's tail too, its head being cut by the NUL. */
    private static final String[] PERSONAL_DATA = {NAME, "三丰", ID_NUMBER, PHONE, ADDRESS, "朝阳区某某路"};

    @Autowired
    Serializer serializer;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Level axonLevel;

    @BeforeEach
    void captureEveryLogLine() {
        logs.start();
        root().addAppender(logs);
        // Axon's own lines at INFO, as a deployment logs them (the tests' default is WARN)
        axonLevel = axon().getLevel();
        axon().setLevel(Level.INFO);
    }

    @AfterEach
    void stopCapturing() {
        root().detachAppender(logs);
        axon().setLevel(axonLevel);
    }

    @Test
    void poisonedEventsBecomeDeadLettersWhileEveryOtherRequestIsProjectedAndARebuildSkipsAndReportsThem() {
        String agency = newAgency(null);
        List<UUID> healthy = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            healthy.add(received(agency, "2025-03-0" + day));
        }
        // as an older version recorded them: a NUL in the applicant's name (PostgreSQL's text refuses it) with a
        // later answer, and an applicant type this version no longer knows
        UUID nul = UUID.randomUUID();
        insertRaw(nul, 0, receivedWithPersonalData(nul, agency), json -> json.replace("\"" + NAME + "\"", "\"张\\u0000三丰\""));
        insertRaw(nul, 1, new RequestAnswered(nul, d("2025-03-20"), OutcomeCategory.DISCLOSED, null), json -> json);
        UUID unknownType = UUID.randomUUID();
        insertRaw(unknownType, 0, receivedWithPersonalData(unknownType, agency),
                json -> json.replace("\"NATURAL_PERSON\"", "\"OLDER_KIND\""));
        for (int day = 1; day <= 6; day++) {
            healthy.add(received(agency, "2025-04-0" + day));
        }
        answered(healthy.get(0), "2025-03-20", OutcomeCategory.DISCLOSED);

        everyOtherRequestIsVisibleAndCounted(agency, healthy);
        JsonNode status = status();
        List<JsonNode> nulLetters = letters(status, nul);
        assertThat(nulLetters).hasSize(2);
        assertThat(nulLetters.get(0).path("eventType").asText()).isEqualTo("RequestReceived");
        assertThat(nulLetters.get(0).path("sequenceNumber").asLong()).isZero();
        assertThat(nulLetters.get(0).path("processingGroup").asText()).isEqualTo("projections");
        assertThat(nulLetters.get(0).path("eventIdentifier").asText()).isNotBlank();
        assertThat(nulLetters.get(0).path("parked").asBoolean()).isFalse();
        assertThat(nulLetters.get(0).path("errorClass").asText()).isNotBlank();
        assertThat(nulLetters.get(0).path("errorMessage").asText()).contains("SQLState");
        assertThat(nulLetters.get(0).path("attempts").asInt()).isEqualTo(1);
        assertThat(nulLetters.get(0).path("firstAt").asText()).isNotBlank();
        assertThat(nulLetters.get(0).path("lastAt").asText()).isNotBlank();
        // the answer did not fail itself: it waits behind the request's first event
        assertThat(nulLetters.get(1).path("eventType").asText()).isEqualTo("RequestAnswered");
        assertThat(nulLetters.get(1).path("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(nulLetters.get(1).path("parked").asBoolean()).isTrue();
        // an event of the request recorded later, in a batch of its own, is parked behind the others
        insertRaw(nul, 2, new RequestAssigned(nul, "staff", null), json -> json);
        healthy.add(received(agency, "2025-04-07"));
        everyOtherRequestIsVisibleAndCounted(agency, healthy);
        List<JsonNode> later = letters(status(), nul);
        assertThat(later).hasSize(3);
        assertThat(later.get(2).path("eventType").asText()).isEqualTo("RequestAssigned");
        assertThat(later.get(2).path("parked").asBoolean()).isTrue();
        List<JsonNode> typeLetters = letters(status, unknownType);
        assertThat(typeLetters).hasSize(1);
        assertThat(typeLetters.get(0).path("errorMessage").asText()).contains("applicant.type");
        assertThat(status.path("deadLetterCount").asInt()).isGreaterThanOrEqualTo(3);

        // retried while the cause remains: they stay, counted once more
        ApiClient.Response retry = admin().post("/api/admin/projections/dead-letters/retry", Map.of());
        assertThat(retry.status()).isEqualTo(200);
        assertThat(letters(status(), nul).get(0).path("attempts").asInt()).isEqualTo(2);
        assertThat(letters(status(), unknownType)).hasSize(1);
        everyOtherRequestIsVisibleAndCounted(agency, healthy);

        // a rebuild with the poison in the event store completes, and says what it skipped
        assertThat(admin().post("/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
        JsonNode rebuilt = admin().awaitRebuilt(Duration.ofSeconds(90));
        assertThat(rebuilt.path("lastError").isNull()).isTrue();
        List<String> skipped = StreamSupport.stream(rebuilt.path("lastRebuild").path("skippedEvents").spliterator(), false)
                .map(e -> e.path("requestId").asText() + "#" + e.path("sequenceNumber").asLong() + (e.path("parked").asBoolean() ? " parked" : ""))
                .toList();
        assertThat(skipped).contains(nul + "#0", nul + "#1 parked", nul + "#2 parked", unknownType + "#0");
        assertThat(rebuilt.path("lastRebuild").path("requestsRebuilt").asLong()).isGreaterThanOrEqualTo(healthy.size());
        everyOtherRequestIsVisibleAndCounted(agency, healthy);
        assertThat(letters(status(), nul)).hasSize(3);
        assertThat(letters(status(), unknownType)).hasSize(1);

        nothingPersonalWasLoggedOrStored();
    }

    @Test
    void aDeadLetterRetriedOnceItsCauseIsFixedIsProjectedAndCounted() {
        String agency = newAgency(null);
        // the cause: a rule of the read model that this request's rows break (as a stricter column would, say),
        // and its fix: the rule relaxed (by a migration, say). Only this test's request can break it.
        String marker = "新版本不接受的描述 " + UUID.randomUUID();
        String constraint = "dead_letter_test_" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        jdbc.execute("ALTER TABLE request_view ADD CONSTRAINT " + constraint + " CHECK (description <> '" + marker + "') NOT VALID");
        try {
            UUID first = received(agency, "2025-05-06");
            UUID refused = UUID.randomUUID();
            append(refused, new RequestReceived(refused, agency + "-2025-0002", agency, d("2025-05-07"), Channel.MAIL,
                            new Applicant(ApplicantType.NATURAL_PERSON, NAME, ID_NUMBER, PHONE, null, ADDRESS), marker),
                    new RequestAnswered(refused, d("2025-05-20"), OutcomeCategory.DISCLOSED, null));
            UUID last = received(agency, "2025-05-08");
            everyOtherRequestIsVisibleAndCounted(agency, List.of(first, last));
            List<JsonNode> letters = letters(status(), refused);
            assertThat(letters).hasSize(2);
            assertThat(letters.get(0).path("errorMessage").asText()).contains("SQLState 23514 (check_violation)");
            assertThat(letters.get(1).path("parked").asBoolean()).isTrue();

            ApiClient.Response tooEarly = admin().post("/api/admin/projections/dead-letters/" + refused + "/retry", Map.of());
            assertThat(tooEarly.status()).isEqualTo(200);
            assertThat(tooEarly.json().path("projected").asInt()).isZero();
            assertThat(tooEarly.json().path("remaining").asInt()).isEqualTo(2);
            assertThat(letters(status(), refused).get(0).path("attempts").asInt()).isEqualTo(2);

            jdbc.execute("ALTER TABLE request_view DROP CONSTRAINT " + constraint);
            ApiClient.Response fixed = admin().post("/api/admin/projections/dead-letters/" + refused + "/retry", Map.of());
            assertThat(fixed.status()).isEqualTo(200);
            assertThat(fixed.json().path("projected").asInt()).isEqualTo(1);
            assertThat(fixed.json().path("remaining").asInt()).isZero();
            assertThat(letters(status(), refused)).isEmpty();
            ApiClient.Response none = admin().post("/api/admin/projections/dead-letters/" + refused + "/retry", Map.of());
            assertThat(none.status()).isEqualTo(404);
            assertThat(none.json().path("detail").asText()).contains("死信");
            assertThat(get("/api/requests?agencyCode=" + agency).json().path("total").asInt()).isEqualTo(3);
            assertThat(get("/api/requests/" + refused).json().path("status").asText()).isEqualTo("ANSWERED");
            JsonNode matrix = get("/api/reports/2025/matrix?agencyCode=" + agency).json();
            assertThat(matrix.path("rows").path("NEW_RECEIVED").path("TOTAL").asInt()).isEqualTo(3);
        } finally {
            jdbc.execute("ALTER TABLE request_view DROP CONSTRAINT IF EXISTS " + constraint);
        }
        nothingPersonalWasLoggedOrStored();
    }

    @Test
    void aRequestIsProjectedUpToTheEventItsRowsFailOnLiveAndInARebuild() {
        String agency = newAgency(null);
        // this request's rows may not be answered (its answer is what cannot be written)
        String marker = "答复不能写入的申请 " + UUID.randomUUID();
        String constraint = "dead_letter_test_" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        jdbc.execute("ALTER TABLE request_view ADD CONSTRAINT " + constraint
                + " CHECK (description <> '" + marker + "' OR answered_on IS NULL) NOT VALID");
        try {
            UUID id = UUID.randomUUID();
            append(id, new RequestReceived(id, agency + "-2025-0001", agency, d("2025-07-01"), Channel.MAIL,
                            new Applicant(ApplicantType.NATURAL_PERSON, NAME, ID_NUMBER, PHONE, null, ADDRESS), marker),
                    new RequestAnswered(id, d("2025-07-10"), OutcomeCategory.DISCLOSED, null));
            theAnswerIsTheOnlyDeadLetter(agency, id);

            assertThat(admin().post("/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
            JsonNode rebuilt = admin().awaitRebuilt(Duration.ofSeconds(90));
            assertThat(StreamSupport.stream(rebuilt.path("lastRebuild").path("skippedEvents").spliterator(), false)
                    .filter(e -> e.path("requestId").asText().equals(id.toString()))
                    .map(e -> e.path("eventType").asText() + "#" + e.path("sequenceNumber").asLong()).toList())
                    .containsExactly("RequestAnswered#1");
            theAnswerIsTheOnlyDeadLetter(agency, id);
        } finally {
            jdbc.execute("ALTER TABLE request_view DROP CONSTRAINT IF EXISTS " + constraint);
        }
    }

    /** The request is shown and counted as received and open; its answer waits as a dead letter. */
    private void theAnswerIsTheOnlyDeadLetter(String agency, UUID id) {
        JsonNode detail = get("/api/requests/" + id).json();
        assertThat(detail.path("status").asText()).isNotEqualTo("ANSWERED");
        JsonNode matrix = get("/api/reports/2025/matrix?agencyCode=" + agency).json();
        assertThat(matrix.path("rows").path("NEW_RECEIVED").path("TOTAL").asInt()).isEqualTo(1);
        List<JsonNode> letters = letters(status(), id);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).path("eventType").asText()).isEqualTo("RequestAnswered");
        assertThat(letters.get(0).path("parked").asBoolean()).isFalse();
        assertThat(letters.get(0).path("errorMessage").asText()).contains("SQLState 23514");
    }

    @Test
    void aFailureOfTheMomentIsTriedAgainNotDeadLettered() throws Exception {
        String agency = newAgency(null);
        UUID id;
        try (Connection busy = jdbc.getDataSource().getConnection()) {
            busy.setAutoCommit(false);
            try (Statement s = busy.createStatement()) {
                s.execute("LOCK TABLE matrix_tally IN ACCESS EXCLUSIVE MODE");
            }
            id = received(agency, "2025-06-02");
            // longer than the query side's lock_timeout (5 s): the batch fails on the lock at least once
            Thread.sleep(8000);
            busy.rollback();
        }
        admin().await("/api/requests?agencyCode=" + agency, r -> r.path("total").asInt() == 1, Duration.ofSeconds(60));
        assertThat(letters(status(), id)).isEmpty();
        JsonNode matrix = get("/api/reports/2025/matrix?agencyCode=" + agency).json();
        assertThat(matrix.path("rows").path("NEW_RECEIVED").path("TOTAL").asInt()).isEqualTo(1);
        assertThat(logged()).contains("SQLState 55P03");
        assertThat(status().path("lastBatchFailure").path("error").asText()).contains("SQLState 55P03");
    }

    @Test
    void onlyAdministratorsOfTheTopAgencyRetryDeadLetters() {
        ApiClient staff = ApiClient.at("http://localhost:" + port).as("staff", "staff");
        assertThat(staff.post("/api/admin/projections/dead-letters/retry", Map.of()).status()).isEqualTo(403);
        assertThat(staff.post("/api/admin/projections/dead-letters/" + UUID.randomUUID() + "/retry", Map.of()).status()).isEqualTo(403);
        assertThat(staff.get("/api/admin/projections/status").status()).isEqualTo(403);
    }

    private void everyOtherRequestIsVisibleAndCounted(String agency, List<UUID> healthy) {
        JsonNode list = get("/api/requests?agencyCode=" + agency + "&size=100").json();
        assertThat(list.path("total").asInt()).isEqualTo(healthy.size());
        for (UUID id : healthy) {
            assertThat(get("/api/requests/" + id).status()).isEqualTo(200);
        }
        JsonNode matrix = get("/api/reports/2025/matrix?agencyCode=" + agency).json();
        assertThat(matrix.path("rows").path("NEW_RECEIVED").path("TOTAL").asInt()).isEqualTo(healthy.size());
    }

    private RequestReceived receivedWithPersonalData(UUID id, String agency) {
        return new RequestReceived(id, agency + "-2025-" + id.toString().substring(0, 4), agency, d("2025-03-10"), Channel.MAIL,
                new Applicant(ApplicantType.NATURAL_PERSON, NAME, ID_NUMBER, PHONE, null, ADDRESS), "申请公开某事项");
    }

    /** Straight into the event store, as an older version of the command side might have written the event. */
    private void insertRaw(UUID requestId, long sequence, Object event, UnaryOperator<String> asItWasWritten) {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        String json = asItWasWritten.apply(new String(payload.getData(), StandardCharsets.UTF_8));
        byte[] metaData = serializer.serialize(MetaData.with("recordedBy", "staff"), byte[].class).getData();
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                        + "payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, 'InformationRequest', ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), requestId.toString(), sequence, DateTimeUtils.formatInstant(Instant.now()),
                payload.getType().getName(), payload.getType().getRevision(), json.getBytes(StandardCharsets.UTF_8), metaData);
    }

    private JsonNode status() {
        ApiClient.Response status = admin().get("/api/admin/projections/status");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.text()).doesNotContain(PERSONAL_DATA);
        return status.json();
    }

    private static List<JsonNode> letters(JsonNode status, UUID requestId) {
        return StreamSupport.stream(status.path("deadLetters").spliterator(), false)
                .filter(l -> l.path("requestId").asText().equals(requestId.toString()))
                .toList();
    }

    private void nothingPersonalWasLoggedOrStored() {
        List<String> stored = jdbc.queryForList("SELECT coalesce(cause_type, '') || ' ' || coalesce(cause_message, '') FROM dead_letter_entry", String.class);
        assertThat(String.join("\n", stored)).doesNotContain(PERSONAL_DATA);
        String logged = logged();
        // the capture works: the failures were logged, by ids and cause
        assertThat(logged).contains("could not be projected and is a dead letter");
        assertThat(logged).doesNotContain(PERSONAL_DATA);
    }

    /** Every line logged since the test began, with its exceptions' classes, messages and stack frames. */
    private String logged() {
        StringBuilder logged = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(logs.list)) {
            logged.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                logged.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
                for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                    logged.append(frame.getSTEAsString()).append('\n');
                }
                for (IThrowableProxy suppressed : t.getSuppressed()) {
                    logged.append(suppressed.getClassName()).append(": ").append(suppressed.getMessage()).append('\n');
                }
            }
        }
        return logged.toString();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static Logger axon() {
        return (Logger) LoggerFactory.getLogger("org.axonframework");
    }
}

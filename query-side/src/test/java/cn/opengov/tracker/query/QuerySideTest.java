package cn.opengov.tracker.query;

import cn.opengov.tracker.api.calendar.HolidayNotice;
import cn.opengov.tracker.api.calendar.HolidayNoticeLoaded;
import cn.opengov.tracker.api.calendar.HolidayNotices;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.RequestAnswered;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.testing.ApiClient;
import cn.opengov.tracker.query.rollup.RollUps;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side against the test run's PostgreSQL: events go straight into the event store, as the command side
 * would append them, and the read models are read back over HTTP. One Spring context for all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class QuerySideTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected EventStore eventStore;

    @Autowired
    protected AgencyDirectory agencies;

    @Autowired
    private CalendarStore calendars;

    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    /**
     * Runs {@code whileLoaded} with 2027's holiday notice (1 and 4 January off) stored and its event projected, as an
     * administrator loads one; removes it afterwards, so that other tests see 2027 without a calendar again.
     */
    protected void withHolidayNotice2027(Runnable whileLoaded) {
        HolidayNotice notice = HolidayNotices.parse("""
                {"year": 2027, "papers": ["test"], "days": [
                  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                  {"name": "春节", "date": "2027-01-04", "isOffDay": true}]}""");
        try {
            calendars.store(notice, "tester");
            appendLoose(new HolidayNoticeLoaded(notice));
            whileLoaded.run();
        } finally {
            jdbc.update("DELETE FROM holiday_notice WHERE year = 2027");
            calendars.reload();
        }
    }

    protected ApiClient admin() {
        return ApiClient.at("http://localhost:" + port).as("admin", "admin");
    }

    protected String newAgency(String parentCode) {
        String code = "Q" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        agencies.create(code, "测试机关" + code, parentCode, "test");
        return code;
    }

    /** Appends a request's next events, as the aggregate would. */
    protected void append(UUID requestId, Object... events) {
        for (Object event : events) {
            long sequence = sequences.merge(requestId.toString(), 1L, Long::sum) - 1;
            eventStore.publish(new GenericDomainEventMessage<>("InformationRequest", requestId.toString(), sequence,
                    event, MetaData.with("recordedBy", "tester")));
        }
    }

    /** Appends an event of another aggregate (year close, publication). */
    protected void appendFor(String aggregateType, String aggregateId, Object event) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, event,
                MetaData.with("recordedBy", "tester")));
    }

    protected void appendLoose(Object event) {
        eventStore.publish(GenericEventMessage.asEventMessage(event).andMetaData(Map.of("recordedBy", "tester")));
    }

    protected static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    protected UUID received(String agency, String on) {
        return received(agency, on, ApplicantType.NATURAL_PERSON);
    }

    protected UUID received(String agency, String on, ApplicantType type) {
        UUID id = UUID.randomUUID();
        append(id, new RequestReceived(id, agency + "-" + d(on).getYear() + "-" + id.toString().substring(0, 4), agency, d(on),
                Channel.ONLINE, new Applicant(type, "申请人" + id.toString().substring(0, 4), null, null, null, null), "申请公开某事项"));
        return id;
    }

    protected void answered(UUID id, String on, OutcomeCategory outcome) {
        append(id, new RequestAnswered(id, d(on), outcome, null));
    }

    /** A request's line on an agency's deadline board as of a day, or null when it is not on it. */
    protected JsonNode boardLine(String agency, String asOf, UUID id) {
        JsonNode board = get("/api/deadlines?agencyCode=" + agency + "&asOf=" + asOf).json();
        return StreamSupport.stream(board.path("items").spliterator(), false)
                .filter(i -> i.path("requestId").asText().equals(id.toString())).findFirst().orElse(null);
    }

    /** The head of the event store: wait for the read models with {@code X-Min-Position}. */
    protected long head() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    protected ApiClient.Response get(String path) {
        return admin().get(path, Map.of("X-Min-Position", String.valueOf(head())));
    }

    /** Whether the roll-ups are summed for the agency tree of now (RollUps reads them only then). */
    protected static final String TREE_CURRENT = "SELECT r.tree_version = t.version FROM (" + RollUps.RECORDED
            + ") r, agency_tree_version t";

    /** Waits (30 s at most) until a node has summed the roll-ups again for the tree of now. */
    protected void awaitRollUpsCurrent() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Boolean.TRUE.equals(jdbc.queryForObject(TREE_CURRENT, Boolean.class))) {
            assertThat(System.nanoTime()).as("the roll-ups are summed again within 30 s of a change of the tree").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

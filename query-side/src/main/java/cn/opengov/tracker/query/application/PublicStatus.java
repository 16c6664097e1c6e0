package cn.opengov.tracker.query.application;

import cn.opengov.tracker.api.calendar.CalendarNotLoadedException;
import cn.opengov.tracker.api.deadline.ClockPhase;
import cn.opengov.tracker.api.deadline.Deadlines;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.calendar.CalendarStore;
import cn.opengov.tracker.platform.publicaccess.AccessCodes;
import cn.opengov.tracker.platform.publicaccess.PublicThrottle;
import cn.opengov.tracker.platform.publicaccess.PublicThrottledException;
import cn.opengov.tracker.query.requestdetail.RequestViewStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The public status lookup by application number and access code (API.md {@code GET /public/status}).
 * <ul>
 * <li>Any wrong pair — unknown number, or a known one with a wrong code — gets the same 404, and not sooner than
 * {@code tracker.public.failure-floor} after the call arrived: both do the same work (one indexed read, one
 * constant-time hash comparison, one failure counted), and the floor hides what is left.</li>
 * <li>Per address: at most {@code tracker.public.lookups-per-minute} lookups (429 with {@code Retry-After}); after
 * {@code tracker.public.challenge-after} failures within an hour each further lookup must carry a solved
 * {@link PublicChallenges challenge} (428 {@code CHALLENGE_REQUIRED}); after
 * {@code tracker.public.block-after} failures the address waits out the hour (429).</li>
 * </ul>
 */
@Component
public class PublicStatus {

    static final String LOOKUP = "lookup";
    static final String FAILURE = "lookup-failure";

    private final JdbcTemplate jdbc;
    private final PublicThrottle throttle;
    private final PublicChallenges challenges;
    private final CalendarStore calendars;
    private final Clock clock;
    private final int perMinute;
    private final int challengeAfter;
    private final int blockAfter;
    private final Duration failureFloor;

    public PublicStatus(JdbcTemplate jdbc, PublicThrottle throttle, PublicChallenges challenges, CalendarStore calendars,
                        Clock clock,
                        @Value("${tracker.public.lookups-per-minute:30}") int perMinute,
                        @Value("${tracker.public.challenge-after:3}") int challengeAfter,
                        @Value("${tracker.public.block-after:20}") int blockAfter,
                        @Value("${tracker.public.failure-floor:300ms}") Duration failureFloor) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.challenges = challenges;
        this.calendars = calendars;
        this.clock = clock;
        this.perMinute = perMinute;
        this.challengeAfter = challengeAfter;
        this.blockAfter = blockAfter;
        this.failureFloor = failureFloor;
    }

    public PublicStatusView lookup(String no, String code, String address, String challengeId, String answer) {
        long started = System.nanoTime();
        throttle.hit(LOOKUP, address, perMinute, Duration.ofMinutes(1));
        int failures = throttle.hits(FAILURE, address, Duration.ofHours(1));
        if (failures >= blockAfter) {
            throw new PublicThrottledException(Duration.ofHours(1));
        }
        if (failures >= challengeAfter && !challenges.solved(challengeId, answer)) {
            throw new RuleViolation(Rule.CHALLENGE_REQUIRED);
        }
        String number = no == null ? "" : no.strip().toUpperCase(java.util.Locale.ROOT);
        List<Found> found = number.isEmpty() || number.length() > 40 ? List.of() : jdbc.query("""
                SELECT access_code_hash, status, submitted_on, request_id, tracking_no
                FROM online_application WHERE application_no = ?""",
                (rs, i) -> new Found(rs.getBytes(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, UUID.class), rs.getString(5)), number);
        Found application = found.isEmpty() ? null : found.get(0);
        if (!AccessCodes.matches(application == null ? null : application.codeHash(), number, code == null ? "" : code)) {
            throttle.count(FAILURE, address, Duration.ofHours(1));
            waitUntil(started + failureFloor.toNanos());
            throw new RuleViolation(Rule.STATUS_NOT_FOUND);
        }
        return view(number, application);
    }

    private PublicStatusView view(String no, Found a) {
        if ("PENDING".equals(a.status())) {
            return new PublicStatusView(no, "PENDING", "待确认", null, a.submittedOn(), null, null, null, null);
        }
        if ("REJECTED".equals(a.status())) {
            return new PublicStatusView(no, "REJECTED", "未予受理", null, a.submittedOn(), null, null, null, null);
        }
        List<RequestState> states = jdbc.query("SELECT " + RequestViewStore.COLUMNS + " FROM request_view WHERE request_id = ?",
                RequestViewStore.STATE, a.requestId());
        if (states.isEmpty()) {
            // confirmed a moment ago, not yet in the read model
            return new PublicStatusView(no, "IN_PROGRESS", "办理中", a.trackingNo(), a.submittedOn(), null, null, null, null);
        }
        RequestState s = states.get(0);
        LocalDate due = null;
        ClockPhase phase = ClockPhase.of(s.timeline());
        try {
            phase = ClockPhase.of(s.timeline(), LocalDate.now(clock), calendars.current());
            due = Deadlines.answerDueOrNull(s.timeline(), calendars.current());
        } catch (CalendarNotLoadedException e) {
            // the due date lies past the loaded holiday notices: not guessed (README)
        }
        return switch (phase) {
            case ANSWERED -> new PublicStatusView(no, "ANSWERED", "已答复", s.trackingNo(), a.submittedOn(), s.receivedOn(),
                    due, s.answeredOn(), outcomeLabel(s.outcome()));
            case AWAITING_CORRECTION -> new PublicStatusView(no, "AWAITING_CORRECTION", "办理中（待申请人补正）",
                    s.trackingNo(), a.submittedOn(), s.receivedOn(), null, null, null);
            case SUSPENDED -> new PublicStatusView(no, "IN_PROGRESS", "办理中（征求意见或缴费期间不计入答复期限）",
                    s.trackingNo(), a.submittedOn(), s.receivedOn(), null, null, null);
            case RUNNING -> new PublicStatusView(no, "IN_PROGRESS", "办理中", s.trackingNo(), a.submittedOn(),
                    s.receivedOn(), due, null, null);
        };
    }

    static String outcomeLabel(OutcomeCategory outcome) {
        if (outcome == null) {
            return null;
        }
        return outcome.item() == 0 ? outcome.label() : outcome.group().label() + "（" + outcome.label() + "）";
    }

    private static void waitUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Found(byte[] codeHash, String status, LocalDate submittedOn, UUID requestId, String trackingNo) {
    }
}

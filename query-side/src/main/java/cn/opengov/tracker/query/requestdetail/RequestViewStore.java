package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.state.Handling;
import cn.opengov.tracker.api.request.state.LegalCase;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.query.projection.CopyRows;
import cn.opengov.tracker.query.projection.IdArrays;
import cn.opengov.tracker.query.projection.ProjectedRequest;
import cn.opengov.tracker.query.projection.RequestStateStore;
import cn.opengov.tracker.query.projection.StateJson;
import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The {@code request_view} table: the request detail read model, and the store of the state every other
 * projection reads its "before" from. Loaded and saved a whole batch at a time.
 */
@Component
public class RequestViewStore implements RequestStateStore {

    public static final String COLUMNS = "request_id, last_sequence, tracking_no, agency_code, received_on, channel, "
            + "applicant_type, applicant_name, applicant, description, outcome, answered_on, timeline, carried_from, "
            + "cases, logged_at, handling, assignee";

    /** What is written: the columns read, and the search's bigrams ({@link SearchGrams}), which only queries use. */
    private static final String WRITTEN = COLUMNS + ", search_grams";

    private static final TypeReference<List<LegalCase>> CASES = new TypeReference<>() {
    };

    /** A request's state, as every read of {@code request_view} gets it. */
    public static final RowMapper<RequestState> STATE = (rs, i) -> new RequestState(
            rs.getObject("request_id", UUID.class),
            rs.getString("tracking_no"),
            rs.getString("agency_code"),
            Channel.valueOf(rs.getString("channel")),
            StateJson.read(rs.getString("applicant"), Applicant.class),
            rs.getString("description"),
            rs.getString("outcome") == null ? null : OutcomeCategory.valueOf(rs.getString("outcome")),
            StateJson.read(rs.getString("timeline"), RequestTimeline.class),
            years(rs.getArray("carried_from")),
            StateJson.read(rs.getString("cases"), CASES),
            rs.getString("handling") == null ? Handling.NONE : StateJson.read(rs.getString("handling"), Handling.class));

    private static final RowMapper<ProjectedRequest> ROW = (rs, i) -> new ProjectedRequest(STATE.mapRow(rs, i),
            rs.getLong("last_sequence"), rs.getTimestamp("logged_at").toInstant());

    private final JdbcTemplate jdbc;

    public RequestViewStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ProjectedRequest> load(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM request_view WHERE request_id = ANY(?)",
                ps -> IdArrays.bind(ps, 1, ids), ROW);
    }

    @Override
    public void saveAll(List<ProjectedRequest> states) {
        if (states.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO request_view (" + WRITTEN + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (request_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence, "
                        + "received_on = EXCLUDED.received_on, applicant_type = EXCLUDED.applicant_type, "
                        + "applicant = EXCLUDED.applicant, outcome = EXCLUDED.outcome, answered_on = EXCLUDED.answered_on, "
                        + "timeline = EXCLUDED.timeline, carried_from = EXCLUDED.carried_from, cases = EXCLUDED.cases, "
                        + "handling = EXCLUDED.handling, assignee = EXCLUDED.assignee, search_grams = EXCLUDED.search_grams",
                states, 500, (ps, s) -> bind(ps, s));
    }

    /** Into the emptied table of a bulk rebuild: new rows only, copied rather than inserted. */
    @Override
    public void copyAll(List<ProjectedRequest> states) {
        CopyRows rows = new CopyRows(states.size());
        for (ProjectedRequest p : states) {
            addRow(rows, p);
        }
        rows.copyInto(jdbc, "request_view", WRITTEN);
    }

    /** A request's row of {@code request_view} as COPY text (also what RebuildFloorBench times). */
    public static void addRow(CopyRows rows, ProjectedRequest p) {
        RequestState s = p.state();
        rows.add(s.requestId()).add(p.lastSequence()).add(s.trackingNo()).add(s.agencyCode()).add(s.receivedOn())
                .add(s.channel().name()).add(s.applicantType().name()).add(s.applicant().name())
                .add(StateJson.write(s.applicant())).add(s.description())
                .add(s.outcome() == null ? null : s.outcome().name()).add(s.answeredOn())
                .add(StateJson.write(s.timeline())).addArray(s.carriedFrom()).add(StateJson.write(s.cases()))
                .add(p.loggedAt()).add(handling(s)).add(s.handling().assignee()).addArray(searchGrams(s)).endRow();
    }

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE request_view");
    }

    private static void bind(PreparedStatement ps, ProjectedRequest p) throws SQLException {
        RequestState s = p.state();
        ps.setObject(1, s.requestId());
        ps.setLong(2, p.lastSequence());
        ps.setString(3, s.trackingNo());
        ps.setString(4, s.agencyCode());
        ps.setObject(5, s.receivedOn());
        ps.setString(6, s.channel().name());
        ps.setString(7, s.applicantType().name());
        ps.setString(8, s.applicant().name());
        ps.setString(9, StateJson.write(s.applicant()));
        ps.setString(10, s.description());
        ps.setString(11, s.outcome() == null ? null : s.outcome().name());
        if (s.answeredOn() == null) {
            ps.setNull(12, Types.DATE);
        } else {
            ps.setObject(12, s.answeredOn());
        }
        ps.setString(13, StateJson.write(s.timeline()));
        ps.setArray(14, ps.getConnection().createArrayOf("integer", s.carriedFrom().toArray()));
        ps.setString(15, StateJson.write(s.cases()));
        ps.setTimestamp(16, Timestamp.from(p.loggedAt()));
        ps.setString(17, handling(s));
        ps.setString(18, s.handling().assignee());
        ps.setArray(19, ps.getConnection().createArrayOf("integer", Arrays.stream(searchGrams(s)).boxed().toArray()));
    }

    /**
     * From the same three values as the columns the search matches, and the agency, as keys of the month of receipt
     * (SearchGrams). The upsert never changes a row's tracking number, name or description; a corrected date of
     * receipt may move it to another month, so it writes the keys anew (the same array when the month stays).
     */
    private static int[] searchGrams(RequestState s) {
        return SearchGrams.of(s.receivedOn(), s.agencyCode(), s.trackingNo(), s.applicant().name(), s.description());
    }

    /** Most requests record none of it: no JSON to write or read. */
    private static String handling(RequestState s) {
        return s.handling().isEmpty() ? null : StateJson.write(s.handling());
    }

    static List<Integer> years(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Integer[]) array.getArray());
    }
}

package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.request.state.RequestState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of {@code request_view}: one request, or a page of a filtered list. */
@Component
public class RequestQueries {

    private final JdbcTemplate jdbc;

    public RequestQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RequestState> find(UUID requestId) {
        return jdbc.query("SELECT " + RequestViewStore.COLUMNS + " FROM request_view WHERE request_id = ?",
                RequestViewStore.STATE, requestId).stream().findFirst();
    }

    /**
     * A page of requests, newest receipt first.
     *
     * @param answered null for all, true for answered only, false for open only
     * @param search   matched against tracking number, applicant name and description; null for no filter
     */
    public Page page(List<String> agencyCodes, Boolean answered, String search, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE agency_code = ANY(?)");
        List<Object> args = new ArrayList<>();
        args.add(agencyCodes.toArray(String[]::new));
        if (answered != null) {
            where.append(answered ? " AND answered_on IS NOT NULL" : " AND answered_on IS NULL");
        }
        if (search != null && !search.isBlank()) {
            // inside the agencies' rows (their index narrows first); a tracking number may be typed in part
            where.append(" AND (tracking_no ILIKE ? ESCAPE '\\' OR applicant_name ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\')");
            String pattern = "%" + escapeLike(search.strip()) + "%";
            args.add(pattern);
            args.add(pattern);
            args.add(pattern);
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM request_view" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<RequestState> items = jdbc.query("SELECT " + RequestViewStore.COLUMNS + " FROM request_view" + where
                        + " ORDER BY received_on DESC, tracking_no DESC LIMIT ? OFFSET ?",
                RequestViewStore.STATE, pageArgs.toArray());
        return new Page(items, total == null ? 0 : total);
    }

    /** The columns {@link #rowMapper()} reads, for other read models that list requests. */
    public static String columns() {
        return RequestViewStore.COLUMNS;
    }

    public static org.springframework.jdbc.core.RowMapper<RequestState> rowMapper() {
        return RequestViewStore.STATE;
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** One page of a list and the number of matches in all. */
    public record Page(List<RequestState> items, long total) {
    }
}

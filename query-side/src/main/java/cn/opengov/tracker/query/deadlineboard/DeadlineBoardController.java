package cn.opengov.tracker.query.deadlineboard;

import cn.opengov.tracker.api.deadline.BoardState;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * GET /api/deadlines (API.md): the board as of any date, filtered by state. With {@code page} (0-based) or
 * {@code size} (default 50, at most 200) one page; without either every line, as before paging existed.
 */
@RestController
public class DeadlineBoardController {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    private final DeadlineBoardQueries board;

    public DeadlineBoardController(DeadlineBoardQueries board) {
        this.board = board;
    }

    @GetMapping("/api/deadlines")
    public DeadlineBoard board(@RequestParam(required = false) String agencyCode,
                               @RequestParam(defaultValue = "false") boolean includeSubAgencies,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                               @RequestParam(required = false) List<BoardState> state,
                               @RequestParam(required = false) String assignee,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        if (page == null && size == null) {
            // the unpaged answer (every line, as API.md has it): outside checks look for their request in it
            return board.board(agencyCode, includeSubAgencies, asOf, state, assignee);
        }
        int p = page == null ? 0 : page;
        int n = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new RuleViolation(Rule.INVALID_VALUE, "页码（page）从0起，收到的是" + p);
        }
        if (n < 1 || n > MAX_SIZE) {
            throw new RuleViolation(Rule.INVALID_VALUE, "每页条数（size）须为1至" + MAX_SIZE + "，收到的是" + n);
        }
        return board.page(agencyCode, includeSubAgencies, asOf, state, assignee, p, n);
    }
}

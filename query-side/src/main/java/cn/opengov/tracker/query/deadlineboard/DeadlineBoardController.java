package cn.opengov.tracker.query.deadlineboard;

import cn.opengov.tracker.api.deadline.BoardState;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** GET /api/deadlines (API.md): the board as of any date, filtered by state. */
@RestController
public class DeadlineBoardController {

    private final DeadlineBoardQueries board;

    public DeadlineBoardController(DeadlineBoardQueries board) {
        this.board = board;
    }

    @GetMapping("/api/deadlines")
    public DeadlineBoard board(@RequestParam(required = false) String agencyCode,
                               @RequestParam(defaultValue = "false") boolean includeSubAgencies,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                               @RequestParam(required = false) List<BoardState> state) {
        return board.board(agencyCode, includeSubAgencies, asOf, state);
    }
}

-- Issue 18: a page of a city's or the province's deadline board without reading every open line of the scope.
-- (1) The running lines with a due date counted per agency and due date (board_tally) and per ancestor
-- (board_rollup, RollUpTable.BOARD: an agency's row counts its descendants' lines, its own stay in the tally), so
-- the counts per state of a whole tree are a sum over its due dates. Rows carry the segment that wrote them (V7).
-- DeadlineBoardWriter keeps the tally from the rows it replaces, whatever calendar their due dates were computed by.
CREATE TABLE board_tally (
    agency_code   VARCHAR(40) NOT NULL,
    answer_due_on DATE        NOT NULL,
    segment       INTEGER     NOT NULL,
    n             BIGINT      NOT NULL,
    PRIMARY KEY (agency_code, answer_due_on, segment)
);

CREATE TABLE board_rollup (
    ancestor_code VARCHAR(40) NOT NULL,
    answer_due_on DATE        NOT NULL,
    segment       INTEGER     NOT NULL,
    n             BIGINT      NOT NULL,
    PRIMARY KEY (ancestor_code, answer_due_on, segment)
);

INSERT INTO board_tally (agency_code, answer_due_on, segment, n)
SELECT agency_code, answer_due_on, 0, count(*) FROM deadline_board
WHERE phase = 'RUNNING' AND answer_due_on IS NOT NULL GROUP BY agency_code, answer_due_on;

-- every roll-up is summed again at the next start (RollUps.rerollWhenStale), this new one with them
INSERT INTO rollup_state (tree_version) VALUES (-1);

-- (2) The running lines in the board's order whatever their agency: a page of a whole tree reads its own lines
-- from the front of this index (deadline_board_running_due leads with the agency: a tree of 2,000 departments
-- was 2,000 ranges to merge). Also where the lines the stored due date cannot place are found: none, or outside
-- the loaded calendar years.
CREATE INDEX deadline_board_running_order ON deadline_board
    (answer_due_on, received_on, tracking_no COLLATE "C", request_id)
    INCLUDE (agency_code, last_step_on) WHERE phase = 'RUNNING';

-- (3) The running lines with a step after a day: as of that day the board reads them from their timeline, the
-- roll-up counts them by their stored due date (none when the day is today).
CREATE INDEX deadline_board_running_step ON deadline_board (last_step_on)
    INCLUDE (agency_code, answer_due_on) WHERE phase = 'RUNNING';

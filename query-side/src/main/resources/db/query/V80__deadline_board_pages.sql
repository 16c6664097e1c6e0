-- deadlineboard pages (issue 18): the running lines in the board's own order (soonest due, then received, then
-- tracking number in code-point order as Java compares it), with what the counts and filters read, so a page and
-- the counts per state are index-only scans. Only RUNNING lines: the others are few and computed in Java.
CREATE INDEX deadline_board_running_due ON deadline_board
    (agency_code, answer_due_on, received_on, tracking_no COLLATE "C", request_id)
    INCLUDE (last_step_on, assignee) WHERE phase = 'RUNNING';
-- The other lines (待补正, 中止计时): 待补正 as stored is counted and placed from this index alone; the rest are
-- read whole, a few rows instead of the scope's heap.
CREATE INDEX deadline_board_not_running ON deadline_board (agency_code, phase, last_step_on)
    INCLUDE (received_on, tracking_no, assignee) WHERE phase <> 'RUNNING';

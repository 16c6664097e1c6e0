-- requestdetail and deadlineboard: the request's 承办人 (RequestAssigned), a column of its own so that the list and
-- the board filter by it. Requests assigned before this version have it in their handling JSON.
ALTER TABLE request_view ADD COLUMN assignee VARCHAR(100);
UPDATE request_view SET assignee = handling::jsonb ->> 'assignee' WHERE handling IS NOT NULL;
ALTER TABLE deadline_board ADD COLUMN assignee VARCHAR(100);
UPDATE deadline_board b SET assignee = v.assignee FROM request_view v WHERE v.request_id = b.request_id AND v.assignee IS NOT NULL;

-- fees: section 六's fee figures pre-aggregated (SPEC §2b). A request's fee notice counts once under its agency,
-- kind NOTICE and the year of noticeOn; once paid, also under kind PAID and the year of paidOn; each with its amount
-- in fen, so that a year's figures are one small GROUP BY. Rows carry the segment that wrote them, as the other
-- tallies do.
CREATE TABLE fee_tally (
    agency_code VARCHAR(40) NOT NULL,
    kind        VARCHAR(10) NOT NULL,
    year        INTEGER     NOT NULL,
    amount_fen  BIGINT      NOT NULL,
    segment     INTEGER     NOT NULL,
    n           BIGINT      NOT NULL,
    PRIMARY KEY (agency_code, year, kind, amount_fen, segment)
);

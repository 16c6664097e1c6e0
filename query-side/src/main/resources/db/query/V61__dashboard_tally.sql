-- dashboard: the supervisors' figures pre-aggregated, so that the page never scans the requests. Per agency, year and
-- month: RECEIVED (receivedOn), ANSWERED (answeredOn) with the working days the answer took from the clock's start
-- (days; -1 when the calendar of those years is not loaded), LATE (answered after its due date). Rows carry the
-- segment that wrote them, as the other tallies do.
CREATE TABLE dashboard_tally (
    agency_code VARCHAR(40) NOT NULL,
    year        INTEGER     NOT NULL,
    month       INTEGER     NOT NULL,
    kind        VARCHAR(10) NOT NULL,
    days        INTEGER     NOT NULL,
    segment     INTEGER     NOT NULL,
    n           BIGINT      NOT NULL,
    PRIMARY KEY (agency_code, year, month, kind, days, segment)
);

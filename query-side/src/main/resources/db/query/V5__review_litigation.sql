-- reviewlitigation: section 四 pre-aggregated, a case counted once under its agency, kind, year filed, year
-- decided (0 while pending) and result ('' while pending).
CREATE TABLE case_tally (
    agency_code  VARCHAR(40) NOT NULL,
    kind         VARCHAR(40) NOT NULL,
    filed_year   INTEGER     NOT NULL,
    decided_year INTEGER     NOT NULL,
    result       VARCHAR(20) NOT NULL,
    n            BIGINT      NOT NULL,
    PRIMARY KEY (agency_code, kind, filed_year, decided_year, result)
);

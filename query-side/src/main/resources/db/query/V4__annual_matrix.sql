-- annualmatrix: section 三 pre-aggregated. A request counts once in matrix_tally under its agency, applicant
-- type, year of receipt, year of answer (0 while open) and outcome ('' while open): any year's table is a
-- handful of sums over a few hundred rows per agency, however many requests the store holds.
CREATE TABLE matrix_tally (
    agency_code    VARCHAR(40) NOT NULL,
    applicant_type VARCHAR(40) NOT NULL,
    received_year  INTEGER     NOT NULL,
    answered_year  INTEGER     NOT NULL,
    outcome        VARCHAR(60) NOT NULL,
    n              BIGINT      NOT NULL,
    PRIMARY KEY (agency_code, received_year, answered_year, applicant_type, outcome)
);

-- The carry-overs recorded at year close, per year carried from.
CREATE TABLE carry_tally (
    agency_code    VARCHAR(40) NOT NULL,
    from_year      INTEGER     NOT NULL,
    applicant_type VARCHAR(40) NOT NULL,
    n              BIGINT      NOT NULL,
    PRIMARY KEY (agency_code, from_year, applicant_type)
);

-- Closing is cumulative: every year up to closed_through is closed.
CREATE TABLE year_closure (
    agency_code    VARCHAR(40) PRIMARY KEY,
    closed_through INTEGER     NOT NULL,
    closed_at      TIMESTAMPTZ NOT NULL,
    closed_by      VARCHAR(64)
);

-- Issue 18: the tallies of section 三 (matrix, carry), 四 (cases) and the fee figures, summed per ANCESTOR, so that a
-- province's table (2,000 departments) is a few hundred rows to read, as one department's is. An agency's row in a
-- roll-up is the sum of its descendants' rows (itself excluded: its own rows are in the tally already), with the
-- same key columns as the tally it sums, and the segment that wrote it (as the tallies, V7).
CREATE TABLE matrix_rollup (
    ancestor_code  VARCHAR(40) NOT NULL,
    applicant_type VARCHAR(40) NOT NULL,
    received_year  INTEGER     NOT NULL,
    answered_year  INTEGER     NOT NULL,
    outcome        VARCHAR(60) NOT NULL,
    segment        INTEGER     NOT NULL,
    n              BIGINT      NOT NULL,
    PRIMARY KEY (ancestor_code, received_year, answered_year, applicant_type, outcome, segment)
);

CREATE TABLE carry_rollup (
    ancestor_code  VARCHAR(40) NOT NULL,
    from_year      INTEGER     NOT NULL,
    applicant_type VARCHAR(40) NOT NULL,
    segment        INTEGER     NOT NULL,
    n              BIGINT      NOT NULL,
    PRIMARY KEY (ancestor_code, from_year, applicant_type, segment)
);

CREATE TABLE case_rollup (
    ancestor_code VARCHAR(40) NOT NULL,
    kind          VARCHAR(40) NOT NULL,
    filed_year    INTEGER     NOT NULL,
    decided_year  INTEGER     NOT NULL,
    result        VARCHAR(20) NOT NULL,
    segment       INTEGER     NOT NULL,
    n             BIGINT      NOT NULL,
    PRIMARY KEY (ancestor_code, kind, filed_year, decided_year, result, segment)
);

CREATE TABLE fee_rollup (
    ancestor_code VARCHAR(40) NOT NULL,
    year          INTEGER     NOT NULL,
    kind          VARCHAR(10) NOT NULL,
    amount_fen    BIGINT      NOT NULL,
    segment       INTEGER     NOT NULL,
    n             BIGINT      NOT NULL,
    PRIMARY KEY (ancestor_code, year, kind, amount_fen, segment)
);

-- The version of the agency tree (agency_tree_version) the roll-ups were summed for: the row with the highest id. A
-- query uses them only while the tree is still that version; -1: not summed (the first start after this migration
-- sums them). A row is added per summing, never updated: a rebuild runs in one REPEATABLE READ transaction, and an
-- update of a row another summing changed after its snapshot would fail it.
CREATE TABLE rollup_state (
    id           BIGSERIAL   PRIMARY KEY,
    tree_version BIGINT      NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO rollup_state (tree_version) VALUES (-1);

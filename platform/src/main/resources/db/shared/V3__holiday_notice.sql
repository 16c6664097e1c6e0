-- The State Council's holiday notices, one row a year: the bundled 2019–2026 notices are inserted at start-up,
-- later years are loaded by an administrator without a release.
CREATE TABLE holiday_notice (
    year      INTEGER     PRIMARY KEY,
    notice    JSONB       NOT NULL,
    source    VARCHAR(20) NOT NULL CHECK (source IN ('BUNDLED', 'LOADED')),
    loaded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    loaded_by VARCHAR(64)
);

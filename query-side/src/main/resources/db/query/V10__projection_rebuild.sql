-- A rebuild of the read models that was asked for and has not finished. The node running it holds this row
-- locked for the whole rebuild (one transaction); if that node dies, the row is left unlocked and the next node
-- to look runs the rebuild again, so a crash never leaves half-built tables behind.
CREATE TABLE projection_rebuild (
    id           INT          PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    requested_at TIMESTAMPTZ  NOT NULL,
    requested_by VARCHAR(255) NOT NULL
);

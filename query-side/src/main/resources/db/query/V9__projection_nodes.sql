-- The query-side nodes alive now (each writes a heartbeat): segments are shared out evenly among them.
CREATE TABLE projection_node (
    node_id VARCHAR(255) PRIMARY KEY,
    seen_at TIMESTAMPTZ  NOT NULL
);

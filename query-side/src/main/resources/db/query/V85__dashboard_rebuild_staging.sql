-- A bulk rebuild's dashboard counts, each batch of requests' net counts copied here as they are folded and summed
-- into dashboard_tally once at the end: one GROUP BY instead of an upsert per key and batch, which at ten million
-- requests (millions of keys: agency × month × working days taken) was most of a rebuild's time. UNLOGGED: emptied
-- by every rebuild and never read by a page; it needs neither the WAL nor a replica.
CREATE UNLOGGED TABLE dashboard_tally_rebuild (
    agency_code VARCHAR(40) NOT NULL,
    year        INTEGER     NOT NULL,
    month       INTEGER     NOT NULL,
    kind        VARCHAR(10) NOT NULL,
    days        INTEGER     NOT NULL,
    n           BIGINT      NOT NULL
);

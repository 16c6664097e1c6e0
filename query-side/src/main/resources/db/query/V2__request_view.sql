-- requestdetail: one row per request, everything the detail, the list and the other projections need to know.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE request_view (
    request_id     UUID         PRIMARY KEY,
    last_sequence  BIGINT       NOT NULL,
    tracking_no    VARCHAR(80)  NOT NULL,
    agency_code    VARCHAR(40)  NOT NULL,
    received_on    DATE         NOT NULL,
    channel        VARCHAR(20)  NOT NULL,
    applicant_type VARCHAR(40)  NOT NULL,
    applicant_name VARCHAR(200) NOT NULL,
    applicant      JSONB        NOT NULL,
    description    TEXT         NOT NULL,
    outcome        VARCHAR(60),
    answered_on    DATE,
    timeline       JSONB        NOT NULL,
    carried_from   INTEGER[]    NOT NULL DEFAULT '{}',
    cases          JSONB        NOT NULL DEFAULT '[]',
    logged_at      TIMESTAMPTZ  NOT NULL,
    search_text    TEXT GENERATED ALWAYS AS (tracking_no || ' ' || applicant_name || ' ' || description) STORED
);
CREATE INDEX request_view_agency_received ON request_view (agency_code, received_on DESC);
CREATE INDEX request_view_agency_answered ON request_view (agency_code, answered_on);
CREATE INDEX request_view_open ON request_view (agency_code) WHERE answered_on IS NULL;
CREATE INDEX request_view_search ON request_view USING gin (search_text gin_trgm_ops);

-- published: every publication of a year's tables, frozen as it was; the latest one per agency and scope is shown.
CREATE TABLE published_report (
    id                   BIGSERIAL   PRIMARY KEY,
    agency_code          VARCHAR(40) NOT NULL,
    year                 INTEGER     NOT NULL,
    include_sub_agencies BOOLEAN     NOT NULL,
    published_at         TIMESTAMPTZ NOT NULL,
    published_by         VARCHAR(64),
    matrix               JSONB       NOT NULL,
    review_litigation    JSONB       NOT NULL
);
CREATE INDEX published_report_lookup ON published_report (agency_code, year, include_sub_agencies, published_at DESC);

-- What the command side must look up across aggregates, kept in the same transaction as the events that
-- change it (a subscribing processor): the requests a year close carries over and a publication counts, the
-- agencies' closed years, and the cases of section 四.
CREATE TABLE request_index (
    request_id        UUID        PRIMARY KEY,
    agency_code       VARCHAR(40) NOT NULL,
    tracking_no       VARCHAR(80) NOT NULL UNIQUE,
    received_on       DATE        NOT NULL,
    applicant_type    VARCHAR(40) NOT NULL,
    answered_on       DATE,
    outcome           VARCHAR(60),
    carried_from      INTEGER[]   NOT NULL DEFAULT '{}'
);
CREATE INDEX request_index_agency_received ON request_index (agency_code, received_on);

CREATE TABLE case_index (
    case_id     VARCHAR(80) PRIMARY KEY,
    request_id  UUID        NOT NULL REFERENCES request_index (request_id),
    agency_code VARCHAR(40) NOT NULL,
    kind        VARCHAR(40) NOT NULL,
    filed_on    DATE        NOT NULL,
    decided_on  DATE,
    result      VARCHAR(20)
);
CREATE INDEX case_index_agency ON case_index (agency_code);

-- Closing is cumulative: every year up to closed_through is closed.
CREATE TABLE agency_closure (
    agency_code    VARCHAR(40) PRIMARY KEY,
    closed_through INTEGER     NOT NULL
);

-- Tracking numbers: <agencyCode>-<year>-<sequence>, unique per agency and year; gaps are allowed.
CREATE TABLE tracking_sequence (
    agency_code VARCHAR(40) NOT NULL,
    year        INTEGER     NOT NULL,
    last_value  INTEGER     NOT NULL,
    PRIMARY KEY (agency_code, year)
);

-- Idempotency-Key on POST /api/requests: the request it created and a hash of the body it came with.
CREATE TABLE idempotency_record (
    request_id UUID        PRIMARY KEY,
    body_hash  VARCHAR(64) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

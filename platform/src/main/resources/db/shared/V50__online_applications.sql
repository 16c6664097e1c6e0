-- Online applications (SPEC §2b, 条例第三十一条第（三）项): what an applicant submits through the public page. It is
-- not yet a request and records no event: it waits in the agency's inbox until staff confirm it (the request is
-- then logged with receivedOn = the confirmation date, 双方确认之日) or reject it. Both sides read it: the command
-- side writes it, the query side shows the inbox and answers the public status lookup. The access code is kept
-- only as a hash (SHA-256 of the application number and the code): it is shown to the applicant once.
CREATE TABLE online_application (
    application_id   UUID         PRIMARY KEY,
    application_no   VARCHAR(40)  NOT NULL UNIQUE,
    access_code_hash BYTEA        NOT NULL,
    agency_code      VARCHAR(40)  NOT NULL REFERENCES agency (code),
    applicant_type   VARCHAR(40)  NOT NULL,
    applicant_name   VARCHAR(200) NOT NULL,
    id_number        VARCHAR(40),
    phone            VARCHAR(40),
    email            VARCHAR(200),
    address          VARCHAR(500),
    description      TEXT         NOT NULL,
    delivery_form    VARCHAR(40),
    submitted_at     TIMESTAMPTZ  NOT NULL,
    submitted_on     DATE         NOT NULL,
    status           VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED')),
    decided_at       TIMESTAMPTZ,
    decided_by       VARCHAR(64),
    reject_reason    TEXT,
    request_id       UUID,
    tracking_no      VARCHAR(80)
);
CREATE INDEX online_application_inbox ON online_application (agency_code, status, submitted_at);

-- The public paths' own throttle, shared by every node: hits per (bucket, address) in a fixed window. A bucket is
-- one kind of public call ('apply', 'lookup', 'lookup-failure').
CREATE TABLE public_throttle (
    bucket       VARCHAR(40) NOT NULL,
    address      VARCHAR(64) NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    hits         INTEGER     NOT NULL,
    PRIMARY KEY (bucket, address)
);

-- The self-hosted challenge asked after repeated failed lookups: a small sum, answered once, within minutes.
CREATE TABLE public_challenge (
    challenge_id UUID        PRIMARY KEY,
    answer       INTEGER     NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL
);

-- Written notices (SPEC §2b). What each agency's notices print, set by its administrators.
CREATE TABLE agency_letterhead (
    agency_code          VARCHAR(40)  PRIMARY KEY REFERENCES agency (code),
    full_name            VARCHAR(200) NOT NULL,
    doc_prefix           VARCHAR(40)  NOT NULL,
    address              VARCHAR(300),
    phone                VARCHAR(60),
    reconsideration_body VARCHAR(200) NOT NULL,
    court                VARCHAR(200) NOT NULL,
    fee_payment          VARCHAR(500),
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by           VARCHAR(64)
);

-- Every notice issued, byte for byte: written by the command side in the transaction that records its
-- DocumentIssued event (whose sha256 fields these bytes hash to), read by the query side's downloads. Rows are
-- never updated or deleted: a corrected notice is a new row with a new number.
CREATE TABLE issued_document (
    document_id UUID         PRIMARY KEY,
    request_id  UUID         NOT NULL,
    agency_code VARCHAR(40)  NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    year        INTEGER      NOT NULL,
    sequence    INTEGER      NOT NULL,
    number      VARCHAR(120) NOT NULL,
    subject_id  VARCHAR(80),
    supersedes  UUID,
    dated_on    DATE         NOT NULL,
    issued_at   TIMESTAMPTZ  NOT NULL,
    issued_by   VARCHAR(64)  NOT NULL,
    pdf         BYTEA        NOT NULL,
    pdf_sha256  CHAR(64)     NOT NULL,
    docx        BYTEA        NOT NULL,
    docx_sha256 CHAR(64)     NOT NULL,
    -- the numbers of an agency, kind and year are 1, 2, 3 … with no gap and no repeat
    CONSTRAINT issued_document_number_key UNIQUE (agency_code, kind, year, sequence)
);
CREATE INDEX issued_document_request ON issued_document (request_id, issued_at);

-- Notice numbers per agency, kind and year, gap-free: the row is incremented in the transaction that records the
-- notice, so a refused or failed issue rolls the number back and the next notice takes it.
CREATE TABLE document_sequence (
    agency_code VARCHAR(40) NOT NULL,
    kind        VARCHAR(40) NOT NULL,
    year        INTEGER     NOT NULL,
    last_value  INTEGER     NOT NULL,
    PRIMARY KEY (agency_code, kind, year)
);

-- An agency's own template of a kind (a .docx with {{名称}} placeholders), checked on upload. Without one the
-- nearest ancestor agency's is used, then the built-in one.
CREATE TABLE document_template (
    agency_code VARCHAR(40) NOT NULL,
    kind        VARCHAR(40) NOT NULL,
    docx        BYTEA       NOT NULL,
    sha256      CHAR(64)    NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    uploaded_by VARCHAR(64),
    PRIMARY KEY (agency_code, kind)
);

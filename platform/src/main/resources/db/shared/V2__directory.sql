-- Agencies (机关) and users: reference data that both sides read. An agency's path lists its ancestors,
-- so "this agency and all its descendants" is one indexed prefix match.
CREATE TABLE agency (
    code        VARCHAR(40)  PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    parent_code VARCHAR(40)  REFERENCES agency (code),
    path        TEXT         NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by  VARCHAR(64)
);
CREATE INDEX agency_path_prefix ON agency (path text_pattern_ops);

INSERT INTO agency (code, name, parent_code, path, created_by) VALUES ('ROOT', '顶级机关', NULL, '/ROOT/', 'install');

CREATE TABLE app_user (
    username      VARCHAR(64)  PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(20)  NOT NULL CHECK (role IN ('STAFF', 'SUPERVISOR', 'ADMIN')),
    agency_code   VARCHAR(40)  NOT NULL REFERENCES agency (code),
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by    VARCHAR(64)
);

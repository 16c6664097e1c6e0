-- Who created or changed which agency or user, and when: administrators read it through GET /api/admin/audit.
-- agency_code is the agency the entry concerns, so that an administrator sees the entries of their own tree.
CREATE TABLE directory_audit (
    id          BIGSERIAL   PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor       VARCHAR(64) NOT NULL,
    action      VARCHAR(30) NOT NULL,
    subject     VARCHAR(64) NOT NULL,
    agency_code VARCHAR(40) REFERENCES agency (code),
    detail      TEXT
);
CREATE INDEX directory_audit_at ON directory_audit (at);

-- what was recorded before this table existed
INSERT INTO directory_audit (at, actor, action, subject, agency_code, detail)
SELECT created_at, coalesce(created_by, 'install'), 'AGENCY_CREATED', code, code, name FROM agency;
INSERT INTO directory_audit (at, actor, action, subject, agency_code, detail)
SELECT created_at, coalesce(created_by, 'install'), 'USER_CREATED', username, agency_code, role FROM app_user;

-- Every change of an account (password, enabled, role, agency) moves its version: a login session that began
-- before the change is refused on its next request, on every node.
ALTER TABLE app_user ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

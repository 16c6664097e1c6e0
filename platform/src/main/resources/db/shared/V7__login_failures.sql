-- Every failed login (wrong password, unknown user, disabled account, attempt refused by the throttle): who tried,
-- from where, when. Never the password. Administrators read it through GET /api/admin/login-failures.
CREATE TABLE login_failure (
    id        BIGSERIAL    PRIMARY KEY,
    failed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    username  VARCHAR(64)  NOT NULL,
    address   VARCHAR(64)  NOT NULL,
    reason    VARCHAR(20)  NOT NULL CHECK (reason IN ('BAD_CREDENTIALS', 'UNKNOWN_USER', 'DISABLED', 'THROTTLED'))
);
CREATE INDEX login_failure_failed_at ON login_failure (failed_at);
CREATE INDEX login_failure_username ON login_failure (username, failed_at);

-- The throttle against password guessing, shared by every node: failures counted per user and per address
-- ('user:<name>', 'address:<ip>'), and until when a subject must wait before its next password check.
CREATE TABLE login_throttle (
    subject       VARCHAR(100) PRIMARY KEY,
    failures      INTEGER      NOT NULL,
    last_failure  TIMESTAMPTZ  NOT NULL,
    blocked_until TIMESTAMPTZ
);

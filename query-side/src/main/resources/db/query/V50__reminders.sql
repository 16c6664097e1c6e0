-- 期限提醒 (reminders). ShedLock's table: one query node at a time runs the reminders, whichever gets the lock.
CREATE TABLE shedlock (
    name       VARCHAR(64)  PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

-- A day whose reminders have all been planned (one row per person written below): later runs that day only retry.
CREATE TABLE reminder_day (
    reminder_day DATE        PRIMARY KEY,
    planned_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    recipients   INTEGER     NOT NULL
);

-- One e-mail per person per day, written before it is sent: a re-run finds it and does not send again. A failed
-- send is retried (attempts, next_attempt_at) and administrators see it (GET /api/admin/reminders).
CREATE TABLE reminder_sent (
    reminder_day    DATE         NOT NULL,
    username        VARCHAR(64)  NOT NULL,
    agency_code     VARCHAR(40)  NOT NULL,
    email           VARCHAR(200) NOT NULL,
    subject         TEXT         NOT NULL,
    body            TEXT         NOT NULL,
    due_soon        INTEGER      NOT NULL,
    overdue         INTEGER      NOT NULL,
    supervised      INTEGER      NOT NULL,
    status          VARCHAR(10)  NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    last_error      TEXT,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ,
    PRIMARY KEY (reminder_day, username)
);
CREATE INDEX reminder_sent_retry ON reminder_sent (next_attempt_at) WHERE status <> 'SENT';

-- Axon's sequenced dead-letter queue (JdbcSequencedDeadLetterQueue, DeadLetterSchema in DeadLetterConfiguration):
-- an event a projection cannot handle is parked here, with the later events of its sequence (its request), so
-- that the rest of its segment goes on. Timestamps are ISO-8601 text, as Axon writes and compares them.
-- The cause is a message without personal data (ProjectionErrors); the payload is the event itself, kept so
-- that a retry can project it once its cause is fixed.
CREATE TABLE dead_letter_entry (
    dead_letter_id      VARCHAR(255)  PRIMARY KEY,
    processing_group    VARCHAR(255)  NOT NULL,
    sequence_identifier VARCHAR(255)  NOT NULL,
    sequence_index      BIGINT        NOT NULL,
    message_type        VARCHAR(255)  NOT NULL,
    event_identifier    VARCHAR(255)  NOT NULL,
    time_stamp          VARCHAR(255)  NOT NULL,
    payload_type        VARCHAR(255)  NOT NULL,
    payload_revision    VARCHAR(255),
    payload             BYTEA         NOT NULL,
    meta_data           BYTEA,
    aggregate_type      VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number     BIGINT,
    token_type          VARCHAR(255),
    token               BYTEA,
    enqueued_at         VARCHAR(255)  NOT NULL,
    last_touched        VARCHAR(255),
    processing_started  VARCHAR(255),
    cause_type          VARCHAR(255),
    cause_message       VARCHAR(1023),
    diagnostics         BYTEA,
    CONSTRAINT dead_letter_sequence_index UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_group ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_sequence ON dead_letter_entry (processing_group, sequence_identifier);

-- What the last rebuild did: when it finished, how many requests it wrote and which events it had to skip
-- (they are in dead_letter_entry too, to be retried). One row, replaced by each rebuild in its transaction.
CREATE TABLE projection_rebuild_report (
    id               INT          PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    finished_at      TIMESTAMPTZ  NOT NULL,
    requests_rebuilt BIGINT       NOT NULL,
    skipped_events   JSONB        NOT NULL
);

-- Axon's token store (TokenSchema in EventStoreConfiguration), in the same database and transaction as the
-- read models it tracks: a batch's read-model writes and its token commit together.
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- The event store is append-only by construction (SPEC §2: nothing is ever updated or deleted in it; mistakes are
-- fixed by new events). Whatever role the application connects as, PostgreSQL itself refuses to change or remove
-- a recorded event: an UPDATE, DELETE or TRUNCATE of domain_event_entry raises an error and rolls back.
CREATE FUNCTION refuse_event_store_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'domain_event_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'recorded events are never changed; record a correcting event instead';
END
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_store_change();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_store_change();

-- The agency tree's version, moved by every change of the agency table whoever makes it: each node keeps the tree
-- in memory and compares this one number before using it, so a new agency (or a new parent) counts in every
-- roll-up at once, on every node.
CREATE TABLE agency_tree_version (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    version   BIGINT  NOT NULL
);
INSERT INTO agency_tree_version (singleton, version) VALUES (TRUE, 1);

CREATE FUNCTION bump_agency_tree_version() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE agency_tree_version SET version = version + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER agency_tree_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agency
    FOR EACH STATEMENT EXECUTE FUNCTION bump_agency_tree_version();

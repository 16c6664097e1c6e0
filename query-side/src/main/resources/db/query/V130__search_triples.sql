-- requestdetail: the search's grams gain the triples of characters of which one at least is ASCII (SearchGrams): a
-- number's or a Latin word's pairs are each in a large share of all requests (ten digits make a hundred pairs), so
-- they narrowed a search for a name's digits or a tracking number little and cost the GIN index long walks; their
-- triples are ten times rarer. The projection writes them into every row it writes from now on. The rows already
-- here carry pairs only, and a search that asked for a triple would miss them: so the search asks for pairs only
-- until a rebuild has written every row anew (POST /api/admin/projections/rebuild, which sets this flag in its own
-- transaction). An empty table (a new installation) has no old rows to wait for. V90's request_search_grams stays
-- the pairs alone.
CREATE TABLE search_grams_scheme (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    triples BOOLEAN NOT NULL
);
INSERT INTO search_grams_scheme (id, triples) SELECT 1, NOT EXISTS (SELECT 1 FROM request_view);

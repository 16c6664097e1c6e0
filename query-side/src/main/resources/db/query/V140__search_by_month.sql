-- requestdetail: the search's grams are kept per month of receipt (SearchGrams): every element of search_grams is a
-- key of a gram and the row's month, so the GIN index holds one posting list per gram and month. A name's first
-- digits are in one request of a hundred (111,566 of 10 M): the newest 50 and a count up to 1,000 need the newest
-- months' matches only, but the one list of the whole table cost ~100 ms to read before any row was read, and every
-- match had to be read to find the newest. Now the search reads the newest months first (RequestQueries).
-- A key, as SearchGrams.key computes it (a test pins the two together): the gram times 2654435761 (0x9E3779B1), cut
-- to 32 bits, its low 7 bits replaced by those of the months since January of year 0; a signed 32-bit integer. A
-- gram's keys of every month lie side by side in the index.
CREATE FUNCTION request_search_key(gram INTEGER, received DATE) RETURNS INTEGER
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (((((gram::bigint * 2654435761) & 4294967168)
              | ((extract(year FROM received)::bigint * 12 + extract(month FROM received)::bigint - 1) & 127))
             # 2147483648) - 2147483648)::integer
$$;
-- The keys without their month, for the statistics of how common each gram is (GramFrequencies reads them from the
-- extended statistics below: PostgreSQL's statistics of search_grams itself would count each gram once per month).
CREATE FUNCTION request_search_statistics_keys(keys INTEGER[]) RETURNS INTEGER[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array(SELECT k & -128 FROM unnest(keys) k)
$$;
-- The rows already here: their grams (pairs, or pairs and triples after a rebuild, V130) as keys of their month; the
-- index dropped and built again once rather than row by row.
DROP INDEX request_view_search;
UPDATE request_view SET search_grams = array(SELECT DISTINCT request_search_key(g, received_on) FROM unnest(search_grams) g ORDER BY 1);
CREATE INDEX request_view_search ON request_view USING gin (search_grams);
CREATE STATISTICS request_view_search_grams ON (request_search_statistics_keys(search_grams)) FROM request_view;
ANALYZE request_view;

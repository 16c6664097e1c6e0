-- requestdetail: the request search over a province (issue 18). GET /api/requests?q= matches tracking number,
-- applicant name and description with ILIKE '%q%' inside the scope's agencies; over 2,000 departments that was every
-- row of the table read and matched. Two indexes narrow it without changing what matches:
-- (1) The character bigrams of the three columns (SearchGrams: case-folded, one integer per pair), kept by the
--     projection as the row is written, in a GIN index. A Chinese name or word of two characters has one bigram;
--     pg_trgm needs three characters (and V7 dropped its index for the cost on writes). A bulk rebuild drops this
--     index and builds it once at the end (RequestSearchIndex), instead of growing it row by row.
-- (2) Every request by receipt, newest first, as the list orders them: a search for a common word reads the newest
--     rows until a page is full instead of matching the whole scope and sorting it.
-- The same bigrams in SQL, for the rows already there (and pinned to the Java definition by a test).
CREATE FUNCTION request_search_grams(VARIADIC texts TEXT[]) RETURNS INTEGER[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT g ORDER BY g), '{}')
    FROM (SELECT lower(t) AS t FROM unnest(texts) AS u(t) WHERE t IS NOT NULL) f,
         LATERAL (SELECT ((ascii(substr(f.t, i, 1))::bigint * 65536 + ascii(substr(f.t, i + 1, 1)))
                          # 2147483648) & 4294967295 AS u
                  FROM generate_series(1, length(f.t) - 1) i) p,
         LATERAL (SELECT (p.u - 2147483648)::integer AS g) s
$$;
ALTER TABLE request_view ADD COLUMN search_grams INTEGER[];
UPDATE request_view SET search_grams = request_search_grams(tracking_no, applicant_name, description);
ALTER TABLE request_view ALTER COLUMN search_grams SET NOT NULL;
CREATE INDEX request_view_search ON request_view USING gin (search_grams);
CREATE INDEX request_view_received ON request_view (received_on DESC, tracking_no DESC);

-- requestdetail: the request search chooses which of a term's bigrams to ask the index for, and whether to read the
-- newest requests first, by how common each bigram is (GramFrequencies: pg_stats of request_view.search_grams).
-- V90 added the column without statistics, and autovacuum, where it runs at all, gathers them only after many
-- writes: ANALYZE now (a sample of the table, not a read of all of it). Every rebuild analyzes its copies again.
ANALYZE request_view;

-- A rebuild writes every request again: keep the write path lean.
-- (1) The JSON columns are read and written whole by the projections, never queried inside: text, not jsonb.
ALTER TABLE request_view ALTER COLUMN applicant TYPE TEXT, ALTER COLUMN timeline TYPE TEXT, ALTER COLUMN cases TYPE TEXT;
ALTER TABLE deadline_board ALTER COLUMN timeline TYPE TEXT;
-- (2) The trigram index cost more on every write than it saved on searches, which run inside an agency's rows.
DROP INDEX request_view_search;
ALTER TABLE request_view DROP COLUMN search_text;
CREATE INDEX request_view_tracking_no ON request_view (tracking_no text_pattern_ops);
-- (3) Tally rows carry the segment that wrote them: two segments never wait on each other's row locks, and a
-- cell is the sum over segments (summing is what the queries do anyway).
ALTER TABLE matrix_tally ADD COLUMN segment INTEGER NOT NULL DEFAULT 0;
ALTER TABLE matrix_tally DROP CONSTRAINT matrix_tally_pkey;
ALTER TABLE matrix_tally ADD PRIMARY KEY (agency_code, received_year, answered_year, applicant_type, outcome, segment);
ALTER TABLE carry_tally ADD COLUMN segment INTEGER NOT NULL DEFAULT 0;
ALTER TABLE carry_tally DROP CONSTRAINT carry_tally_pkey;
ALTER TABLE carry_tally ADD PRIMARY KEY (agency_code, from_year, applicant_type, segment);
ALTER TABLE case_tally ADD COLUMN segment INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_tally DROP CONSTRAINT case_tally_pkey;
ALTER TABLE case_tally ADD PRIMARY KEY (agency_code, kind, filed_year, decided_year, result, segment);

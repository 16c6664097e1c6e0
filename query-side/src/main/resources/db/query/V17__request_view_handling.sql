-- requestdetail: what the steps of SPEC §2b record beyond the deadlines and the tables (delivery form, assignee,
-- extension approval, consultations' parties, fee notice, deferral), as the fold carries it (api Handling).
-- NULL for a request with none of it, which is most: the write path stays as lean as it was.
ALTER TABLE request_view ADD COLUMN handling TEXT;

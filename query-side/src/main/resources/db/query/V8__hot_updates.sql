-- request_view keeps two indexes only (by id, and by agency and date for lists); drill-downs and searches
-- filter an agency's rows. With room left on each page, an answer updates a row in place (a HOT update),
-- touching no index at all.
DROP INDEX request_view_agency_answered;
DROP INDEX request_view_open;
DROP INDEX request_view_tracking_no;
ALTER TABLE request_view SET (fillfactor = 80);
ALTER TABLE deadline_board SET (fillfactor = 80);

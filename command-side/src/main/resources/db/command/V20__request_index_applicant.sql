-- 国办函〔2020〕109号第四条 counts "the same applicant's" requests in a calendar month. Who is the same applicant is
-- decided in Java (api SameApplicant), from the applicant's name and ID number kept here as recorded; the rows
-- logged before this version take them from their RequestReceived events.
ALTER TABLE request_index ADD COLUMN applicant_name VARCHAR(200), ADD COLUMN applicant_id_number VARCHAR(40);

UPDATE request_index r
SET applicant_name = e.applicant ->> 'name', applicant_id_number = e.applicant ->> 'idNumber'
FROM (SELECT aggregate_identifier, convert_from(payload, 'UTF8')::jsonb -> 'applicant' AS applicant
      FROM domain_event_entry
      WHERE payload_type = 'cn.opengov.tracker.api.request.event.RequestReceived') e
WHERE e.aggregate_identifier = r.request_id::text;

-- A reproducible synthetic data set, appended straight into the event store as the command side would have:
-- :requests requests over 2021–2025 spread over the bench agencies, each received, most answered, some with a
-- 补正, an extension, a consultation. Every value derives from md5(:'seed' || n), so a seed gives the same data.
-- Parameters (psql -v): seed, requests, first (the first request number, for growing a data set in steps).
WITH r AS (
    SELECT n,
           md5(:'seed' || ':' || n)                               AS h,
           ('x' || substr(md5(:'seed' || ':' || n), 1, 8))::bit(32)::bigint AS k
    FROM generate_series(:first, :first + :requests - 1) n
), d AS (
    SELECT n, h, k,
           md5('req' || h)::uuid                                   AS id,
           'B' || lpad(((k % 2000) + 1)::text, 4, '0')             AS agency,
           date '2021-01-04' + ((k / 2000) % 1800)::int            AS received_on,
           (ARRAY['NATURAL_PERSON','NATURAL_PERSON','NATURAL_PERSON','NATURAL_PERSON','COMMERCIAL_ENTERPRISE',
                  'RESEARCH_INSTITUTION','SOCIAL_WELFARE_ORG','LEGAL_SERVICE_ORG','OTHER_ORG'])[1 + (k / 7) % 9] AS applicant_type,
           (k / 11) % 100                                           AS roll
    FROM r
), events AS (
    SELECT id, received_on AS on_day, 0 AS seq, 'RequestReceived' AS type,
           json_build_object('requestId', id, 'trackingNo', agency || '-' || extract(year FROM received_on) || '-' || lpad(n::text, 8, '0'),
                             'agencyCode', agency, 'receivedOn', received_on, 'channel', 'ONLINE',
                             'applicant', json_build_object('type', applicant_type, 'name', '申请人' || (k % 100000), 'idNumber', NULL,
                                                            'phone', NULL, 'email', NULL, 'address', NULL),
                             'description', '申请公开某项目的审批文件和资金使用情况（' || n || '）')::text AS payload
    FROM d
    UNION ALL
    SELECT id, received_on + 3, 1, 'CorrectionRequested',
           json_build_object('requestId', id, 'noticeOn', received_on + 3, 'items', '请写明具体项目名称', 'applicantDueOn', received_on + 17)::text
    FROM d WHERE roll < 5
    UNION ALL
    SELECT id, received_on + 10, 2, 'CorrectionReceived', json_build_object('requestId', id, 'receivedOn', received_on + 10)::text
    FROM d WHERE roll < 5
    UNION ALL
    SELECT id, received_on + 12, CASE WHEN roll < 5 THEN 3 ELSE 1 END, 'ConsultationStarted',
           json_build_object('requestId', id, 'consultationId', md5('c' || h), 'kind', 'THIRD_PARTY', 'party', '第三方', 'sentOn', received_on + 12)::text
    FROM d WHERE roll BETWEEN 3 AND 7
    UNION ALL
    SELECT id, received_on + 20, CASE WHEN roll < 5 THEN 4 ELSE 2 END, 'ConsultationEnded',
           json_build_object('requestId', id, 'consultationId', md5('c' || h), 'endedOn', received_on + 20)::text
    FROM d WHERE roll BETWEEN 3 AND 7 AND received_on + 20 <= date '2026-06-01'
    UNION ALL
    SELECT id, received_on + 25, 10, 'RequestAnswered',
           json_build_object('requestId', id, 'answeredOn', received_on + 25,
                             'outcome', (ARRAY['DISCLOSED','DISCLOSED','DISCLOSED','PARTIALLY_DISCLOSED','UNABLE_NOT_HELD',
                                               'WITHHELD_PROCESS_INFO','NOT_PROCESSED_DUPLICATE','OTHER'])[1 + (k / 13) % 8],
                             'note', NULL)::text
    FROM d WHERE roll >= 3 AND received_on + 25 <= date '2026-05-01'
)
INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                                payload_revision, payload, meta_data)
SELECT md5(id::text || ':' || seq)::uuid::text, id::text,
       -- sequence numbers must be consecutive per aggregate
       row_number() OVER (PARTITION BY id ORDER BY seq) - 1,
       'InformationRequest', to_char(on_day, 'YYYY-MM-DD') || 'T09:00:00.000Z',
       'cn.opengov.tracker.api.request.event.' || type, NULL,
       convert_to(payload, 'UTF8'), convert_to('{"recordedBy":"bench"}', 'UTF8')
FROM events
ORDER BY on_day, id, seq;

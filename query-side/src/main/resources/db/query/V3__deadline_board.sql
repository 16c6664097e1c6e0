-- deadlineboard: the unanswered requests only, with their due dates already computed, so the board is one
-- indexed read and an O(1) count of working days left per line.
CREATE TABLE deadline_board (
    request_id               UUID        PRIMARY KEY,
    agency_code              VARCHAR(40) NOT NULL,
    tracking_no              VARCHAR(80) NOT NULL,
    applicant_name           VARCHAR(200) NOT NULL,
    received_on              DATE        NOT NULL,
    phase                    VARCHAR(30) NOT NULL,
    answer_due_on            DATE,
    correction_notice_due_on DATE,
    last_step_on             DATE        NOT NULL,
    timeline                 JSONB       NOT NULL
);
CREATE INDEX deadline_board_agency_due ON deadline_board (agency_code, answer_due_on);

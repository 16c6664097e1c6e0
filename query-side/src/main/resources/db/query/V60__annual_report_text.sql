-- The text sections of the 政府信息公开工作年度报告 (issue 16) that are written, not counted: 一 总体情况, the figures
-- of 二 主动公开政府信息情况, 五 存在的主要问题及改进情况 and 六's other items. Kept per agency and year, one row per
-- saved version: nothing is overwritten, so who changed what and when stays readable.
CREATE TABLE annual_report_text (
    agency_code        VARCHAR(40)  NOT NULL,
    year               INTEGER      NOT NULL,
    version            INTEGER      NOT NULL,
    overview           TEXT         NOT NULL,
    active_disclosure  JSONB        NOT NULL,
    problems           TEXT         NOT NULL,
    other_items        TEXT         NOT NULL,
    edited_by          VARCHAR(100) NOT NULL,
    edited_at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (agency_code, year, version)
);

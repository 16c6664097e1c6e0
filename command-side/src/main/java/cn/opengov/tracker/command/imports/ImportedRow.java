package cn.opengov.tracker.command.imports;

import cn.opengov.tracker.api.applicant.IdNumbers;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.imports.ImportColumn;
import cn.opengov.tracker.api.request.imports.ImportLabels;
import cn.opengov.tracker.platform.web.InputText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One spreadsheet row read into the values of a request and its steps, or the list of what is wrong with it, field
 * by field, in Chinese: every mistake of the row at once, not only the first.
 */
public record ImportedRow(int number, String sourceNo, String agencyCode, LocalDate receivedOn, Channel channel,
                          Applicant applicant, String description,
                          LocalDate correctionNoticeOn, String correctionItems, LocalDate correctionDueOn,
                          LocalDate correctionReceivedOn,
                          Integer extensionDays, LocalDate extensionApprovedOn, String extensionReason,
                          LocalDate answeredOn, OutcomeCategory outcome) {

    /** A refused field of a row: the row's number, the column's header (or null for the whole row) and why. */
    public record Problem(int row, String field, String message) {
        static Problem of(int row, ImportColumn column, String message) {
            return new Problem(row, column == null ? null : column.header(), message);
        }
    }

    /** The row read, or its problems. */
    public record Reading(ImportedRow row, List<Problem> problems) {
    }

    public static Reading read(ImportSheet.SheetRow sheetRow, String defaultAgency) {
        return new Reader(sheetRow).read(defaultAgency);
    }

    private static final class Reader {
        private final ImportSheet.SheetRow row;
        private final List<Problem> problems = new ArrayList<>();

        Reader(ImportSheet.SheetRow row) {
            this.row = row;
        }

        Reading read(String defaultAgency) {
            String sourceNo = text(ImportColumn.SOURCE_NO, 100);
            String agency = row.text(ImportColumn.AGENCY).map(String::strip).orElse(defaultAgency);
            if (agency != null && agency.length() > 40) {
                problem(ImportColumn.AGENCY, "机关代码不能超过40个字符");
            }
            LocalDate receivedOn = date(ImportColumn.RECEIVED_ON);
            Channel channel = label(ImportColumn.CHANNEL, ImportLabels::channel, "渠道只能是 当面提交、邮寄、互联网 或 传真");
            ApplicantType type = label(ImportColumn.APPLICANT_TYPE, ImportLabels::applicantType,
                    "申请人类型只能是 自然人、商业企业、科研机构、社会公益组织、法律服务机构 或 其他");
            String name = text(ImportColumn.APPLICANT, 200);
            String idNumber = text(ImportColumn.ID_NUMBER, 40);
            if (idNumber != null && type != null) {
                Optional<String> wrong = type == ApplicantType.NATURAL_PERSON
                        ? IdNumbers.residentIdProblem(idNumber) : IdNumbers.creditCodeProblem(idNumber);
                wrong.ifPresent(p -> problem(ImportColumn.ID_NUMBER, p));
                idNumber = idNumber.toUpperCase(java.util.Locale.ROOT);
            }
            String description = text(ImportColumn.DESCRIPTION, 4000);

            LocalDate noticeOn = date(ImportColumn.CORRECTION_NOTICE_ON);
            String items = text(ImportColumn.CORRECTION_ITEMS, 4000);
            LocalDate dueOn = date(ImportColumn.CORRECTION_DUE_ON);
            LocalDate correctionOn = date(ImportColumn.CORRECTION_RECEIVED_ON);
            if (noticeOn != null && dueOn == null && !has(ImportColumn.CORRECTION_DUE_ON)) {
                problem(ImportColumn.CORRECTION_DUE_ON, "填了补正告知日期，须同时填写申请人的补正期限");
            }
            if (noticeOn == null && !has(ImportColumn.CORRECTION_NOTICE_ON)) {
                if (has(ImportColumn.CORRECTION_DUE_ON) || has(ImportColumn.CORRECTION_ITEMS)) {
                    problem(ImportColumn.CORRECTION_NOTICE_ON, "填了补正内容或补正期限，须同时填写补正告知日期");
                }
                if (has(ImportColumn.CORRECTION_RECEIVED_ON)) {
                    problem(ImportColumn.CORRECTION_RECEIVED_ON, "没有补正告知日期，不能有补正收到日期：补正须先告知");
                }
            }

            Integer days = null;
            if (has(ImportColumn.EXTENSION_DAYS)) {
                String d = row.text(ImportColumn.EXTENSION_DAYS).orElseThrow().replace("个工作日", "").replace("工作日", "")
                        .replace("天", "").strip();
                try {
                    days = Integer.parseInt(d);
                } catch (NumberFormatException e) {
                    problem(ImportColumn.EXTENSION_DAYS, "延期须填写延长的工作日数（1–20 的整数），收到的是“" + printable(ImportColumn.EXTENSION_DAYS) + "”");
                }
            }
            LocalDate approvedOn = date(ImportColumn.EXTENSION_APPROVED_ON);
            String reason = text(ImportColumn.EXTENSION_REASON, 2000);
            if (has(ImportColumn.EXTENSION_DAYS) && !has(ImportColumn.EXTENSION_APPROVED_ON)) {
                problem(ImportColumn.EXTENSION_APPROVED_ON, "填了延期，须同时填写延期批准日期");
            }
            if (!has(ImportColumn.EXTENSION_DAYS) && has(ImportColumn.EXTENSION_APPROVED_ON)) {
                problem(ImportColumn.EXTENSION_DAYS, "填了延期批准日期，须同时填写延长的工作日数");
            }

            LocalDate answeredOn = date(ImportColumn.ANSWERED_ON);
            OutcomeCategory outcome = label(ImportColumn.OUTCOME, ImportLabels::outcome,
                    "答复结果须按年度报告表三的措辞填写，如 予以公开、部分公开、保护第三方合法权益、本机关不掌握相关政府信息、信访举报投诉类申请、其他");
            if (has(ImportColumn.ANSWERED_ON) && !has(ImportColumn.OUTCOME)) {
                problem(ImportColumn.OUTCOME, "填了答复日期，须同时填写答复结果");
            }
            if (!has(ImportColumn.ANSWERED_ON) && has(ImportColumn.OUTCOME)) {
                problem(ImportColumn.ANSWERED_ON, "填了答复结果，须同时填写答复日期");
            }
            if (agency == null || agency.isBlank()) {
                problem(ImportColumn.AGENCY, "未指定机关：请填写机关代码列，或在导入时选择机关");
            }
            if (!problems.isEmpty()) {
                return new Reading(null, problems);
            }
            Applicant applicant = new Applicant(type, name, idNumber, null, null, null);
            return new Reading(new ImportedRow(row.number(), sourceNo, agency, receivedOn, channel, applicant, description,
                    noticeOn, items == null ? ImportColumn.NOT_STATED : items, dueOn, correctionOn,
                    days, approvedOn, reason == null ? ImportColumn.NOT_STATED : reason, answeredOn, outcome), List.of());
        }

        private boolean has(ImportColumn column) {
            return row.text(column).isPresent();
        }

        private String text(ImportColumn column, int max) {
            Optional<String> value = row.text(column);
            if (value.isEmpty()) {
                if (column.required()) {
                    problem(column, column.header() + "不能为空");
                }
                return null;
            }
            String text = value.get().strip();
            String wrong = InputText.problem(text);
            if (wrong != null) {
                problem(column, column.header() + wrong);
                return null;
            }
            if (text.length() > max) {
                problem(column, column.header() + "不能超过" + max + "个字符");
                return null;
            }
            return text;
        }

        private LocalDate date(ImportColumn column) {
            Optional<String> value = row.text(column);
            if (value.isEmpty()) {
                if (column.required()) {
                    problem(column, column.header() + "不能为空");
                }
                return null;
            }
            Optional<LocalDate> date = ImportLabels.date(value.get());
            if (date.isEmpty()) {
                problem(column, column.header() + "不是有效日期（“" + printable(column) + "”）：请写成 2023-01-06 这样的格式");
                return null;
            }
            return date.get();
        }

        private <T> T label(ImportColumn column, Function<String, Optional<T>> parse, String hint) {
            Optional<String> value = row.text(column);
            if (value.isEmpty()) {
                if (column.required()) {
                    problem(column, column.header() + "不能为空");
                }
                return null;
            }
            Optional<T> parsed = parse.apply(value.get());
            if (parsed.isEmpty()) {
                problem(column, "无法识别的" + column.header() + "“" + printable(column) + "”：" + hint);
                return null;
            }
            return parsed.get();
        }

        private String printable(ImportColumn column) {
            String text = InputText.printable(row.text(column).orElse(""));
            return text.length() > 60 ? text.substring(0, 60) + "…" : text;
        }

        private void problem(ImportColumn column, String message) {
            problems.add(Problem.of(row.number(), column, message));
        }
    }
}

package cn.opengov.tracker.query.web;

import cn.opengov.tracker.api.document.DocumentKind;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.CaseResult;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.api.request.FeeBasis;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.query.requestdetail.HistoryEntry;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The 办理记录 of the case page in words: each recorded step's details as a clerk reads them, every value by its
 * Chinese label (never a code such as {@code PARTIALLY_DISCLOSED}). The API keeps the event's own fields; this is
 * only how the page says them.
 */
@Component("historyText")
public class HistoryText {

    /** The details of one history row, or an empty string when the step has none worth saying. */
    public String details(HistoryEntry h) {
        Map<String, Object> f = h.fields();
        List<String> parts = new ArrayList<>();
        switch (h.type()) {
            case "RequestReceived" -> {
                add(parts, "渠道", label(f, "channel", Channel::valueOf, Channel::label));
                add(parts, "获取信息的方式", label(f, "deliveryForm", DeliveryForm::valueOf, DeliveryForm::label));
                if (f.get("applicant") instanceof Map<?, ?> a) {
                    add(parts, "申请人", text(a.get("name")) + optional("（", label(text(a.get("type")), ApplicantType::valueOf, ApplicantType::label), "）"));
                }
            }
            case "CorrectionRequested" -> {
                add(parts, "需补正的事项", text(f.get("items")));
                add(parts, "补正期限", text(f.get("applicantDueOn")));
            }
            case "CorrectionReceived" -> add(parts, "收到补正材料", text(f.get("receivedOn")));
            case "DeadlineExtended" -> {
                add(parts, "延长", text(f.get("workingDays")) + "个工作日");
                add(parts, "理由", text(f.get("reason")));
                add(parts, "同意人", f.get("approvedBy") == null ? "未记录（条例第三十三条须经政府信息公开工作机构负责人同意）" : text(f.get("approvedBy")));
            }
            case "ConsultationStarted" -> {
                add(parts, "方式", label(f, "kind", ConsultationKind::valueOf, ConsultationKind::label));
                add(parts, "被征求意见方", text(f.get("party")));
                add(parts, "送达", text(f.get("deliveredOn")));
            }
            case "ConsultationEnded" -> add(parts, "结束日期", text(f.get("endedOn")));
            case "FeeNoticeIssued" -> {
                add(parts, "金额", text(f.get("amountYuan")) + "元");
                add(parts, "计收方式", label(f, "basis", FeeBasis::valueOf, FeeBasis::label));
                add(parts, "数量", text(f.get("quantity")));
                add(parts, "建议金额", f.get("proposedAmountYuan") == null ? "" : text(f.get("proposedAmountYuan")) + "元");
                add(parts, "调整理由", text(f.get("overrideReason")));
                add(parts, "送达", text(f.get("deliveredOn")));
            }
            case "FeePaid" -> add(parts, "缴费日期", text(f.get("paidOn")));
            case "AnswerDeferred" -> {
                add(parts, "延迟至", text(f.get("dueOn")));
                add(parts, "理由", text(f.get("reason")));
            }
            case "RequestAnswered" -> {
                add(parts, "办理结果", outcome(f.get("outcome")));
                add(parts, "备注", text(f.get("note")));
            }
            case "OutcomeReclassified" -> {
                add(parts, "原办理结果", outcome(f.get("previousOutcome")));
                add(parts, "更正为", outcome(f.get("outcome")));
                add(parts, "理由", text(f.get("reason")));
            }
            case "ApplicantTypeCorrected" -> {
                add(parts, "原申请人类型", label(f, "previousType", ApplicantType::valueOf, ApplicantType::label));
                add(parts, "更正为", label(f, "correctedType", ApplicantType::valueOf, ApplicantType::label));
                add(parts, "理由", text(f.get("reason")));
            }
            case "ReceiptDateCorrected" -> {
                add(parts, "原收到日期", text(f.get("previousReceivedOn")));
                add(parts, "更正为", text(f.get("receivedOn")));
                add(parts, "理由", text(f.get("reason")));
            }
            case "ReconsiderationFiled" -> add(parts, "申请行政复议", text(f.get("filedOn")));
            case "LawsuitFiled" -> {
                add(parts, "起诉", text(f.get("filedOn")));
                add(parts, "方式", Boolean.TRUE.equals(f.get("afterReconsideration")) ? "复议后起诉" : "直接起诉（未经复议）");
            }
            case "ReconsiderationDecided", "LawsuitDecided" -> {
                add(parts, "审结", text(f.get("decidedOn")));
                add(parts, "结果", label(f, "result", CaseResult::valueOf, CaseResult::label));
            }
            case "RequestAssigned" -> {
                add(parts, "承办人", text(f.get("assignee")));
                add(parts, "原承办人", text(f.get("previousAssignee")));
            }
            case "RequestCarriedOver" -> add(parts, "结转", text(f.get("fromYear")) + "年度结转至下年度");
            case "CarryOverRevoked" -> {
                add(parts, "撤销结转", text(f.get("fromYear")) + "年度");
                add(parts, "理由", text(f.get("reason")));
            }
            case "DocumentIssued" -> {
                add(parts, "文书", label(f, "kind", DocumentKind::valueOf, DocumentKind::label));
                add(parts, "文号", text(f.get("number")));
                if (f.get("supersedes") != null) {
                    parts.add("更正后重新出具");
                }
            }
            default -> {
                // a step this page does not know yet: its label says what it was, and no code is shown
            }
        }
        return String.join("；", parts);
    }

    private static String outcome(Object code) {
        return label(text(code), OutcomeCategory::valueOf, OutcomeCategory::fullLabel);
    }

    private static <E> String label(Map<String, Object> f, String key, Function<String, E> parse, Function<E, String> label) {
        return label(text(f.get(key)), parse, label);
    }

    private static <E> String label(String code, Function<String, E> parse, Function<E, String> label) {
        if (code.isEmpty()) {
            return "";
        }
        try {
            return label.apply(parse.apply(code));
        } catch (IllegalArgumentException unknown) {
            return "（未知取值）";
        }
    }

    private static String optional(String before, String value, String after) {
        return value.isEmpty() ? "" : before + value + after;
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + "：" + value);
        }
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}

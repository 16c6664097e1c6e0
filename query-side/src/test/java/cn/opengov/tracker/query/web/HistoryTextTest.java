package cn.opengov.tracker.query.web;

import cn.opengov.tracker.query.requestdetail.HistoryEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The case page's history says each step's details by their labels, never by codes. */
class HistoryTextTest {

    private final HistoryText text = new HistoryText();

    private static HistoryEntry entry(String type, Map<String, Object> fields) {
        return new HistoryEntry(1, type, "label", LocalDate.of(2026, 6, 15), Instant.EPOCH, "clerk", new LinkedHashMap<>(fields));
    }

    @Test
    void answerReclassificationCorrectionsCasesFeesAndExtensionInWords() {
        assertThat(text.details(entry("RequestAnswered", Map.of("outcome", "PARTIALLY_DISCLOSED", "note", "删去个人信息"))))
                .startsWith("办理结果：(二) 部分公开").endsWith("；备注：删去个人信息");
        assertThat(text.details(entry("OutcomeReclassified", Map.of("previousOutcome", "DISCLOSED", "outcome", "OTHER_NO_CORRECTION", "reason", "录入错误"))))
                .contains("原办理结果：(一) 予以公开").contains("更正为：(六) 其他处理 1.").contains("理由：录入错误");
        assertThat(text.details(entry("ApplicantTypeCorrected", Map.of("previousType", "COMMERCIAL_ENTERPRISE", "correctedType", "NATURAL_PERSON", "reason", "实为个人"))))
                .isEqualTo("原申请人类型：商业企业；更正为：自然人；理由：实为个人");
        assertThat(text.details(entry("ReceiptDateCorrected", Map.of("previousReceivedOn", "2026-06-01", "receivedOn", "2026-06-02", "reason", "邮戳"))))
                .isEqualTo("原收到日期：2026-06-01；更正为：2026-06-02；理由：邮戳");
        assertThat(text.details(entry("LawsuitFiled", Map.of("filedOn", "2026-07-01", "afterReconsideration", true))))
                .contains("复议后起诉");
        assertThat(text.details(entry("ReconsiderationDecided", Map.of("decidedOn", "2026-08-01", "result", "CORRECTED"))))
                .doesNotContain("CORRECTED").contains("结果：");
        assertThat(text.details(entry("FeeNoticeIssued", Map.of("amountYuan", "100.00", "basis", "PER_VOLUME", "quantity", 120,
                "proposedAmountYuan", "110.00", "overrideReason", "按实际页数"))))
                .contains("金额：100.00元").contains("计收方式：").doesNotContain("PER_VOLUME").contains("建议金额：110.00元").contains("调整理由：按实际页数");
        assertThat(text.details(entry("DeadlineExtended", Map.of("workingDays", 20, "reason", "需调档", "approvedBy", "张主任"))))
                .isEqualTo("延长：20个工作日；理由：需调档；同意人：张主任");
    }

    @Test
    void anUnknownValueIsNotShownAsACode() {
        assertThat(text.details(entry("RequestAnswered", Map.of("outcome", "SOMETHING_NEW")))).isEqualTo("办理结果：（未知取值）");
    }
}

package cn.opengov.tracker.api.request.imports;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of the bulk import's spreadsheet (.xlsx or .csv), in the template's order. A header is matched by
 * its name up to the first bracket, so "延期（工作日）" and "延期" are the same column; columns may come in any
 * order, optional ones may be left out.
 */
public enum ImportColumn {
    SOURCE_NO("受理编号", true, "ZN-2023-001", "本机关原有的受理编号，同一机关内不得重复；再次导入同一编号的行不会重复登记"),
    AGENCY("机关代码", false, "ZNX", "空则为导入时选择的机关（默认本人所在机关）"),
    RECEIVED_ON("收到日期", true, "2023-01-06", "收到申请之日（条例第三十一条），如 2023-01-06、2023/1/6 或 2023年1月6日"),
    CHANNEL("渠道", true, "互联网", "当面提交、邮寄、互联网、传真"),
    APPLICANT_TYPE("申请人类型", true, "自然人", "自然人、商业企业、科研机构、社会公益组织（社会组织）、法律服务机构、其他"),
    APPLICANT("申请人", true, "张三", "申请人姓名或名称"),
    ID_NUMBER("证件号码", false, "", "居民身份证号码或统一社会信用代码，可空"),
    DESCRIPTION("内容", true, "申请公开征地补偿安置方案", "申请公开的政府信息"),
    CORRECTION_NOTICE_ON("补正告知日期", false, "", "发出补正通知的日期（条例第三十条），无则空"),
    CORRECTION_ITEMS("补正内容", false, "", "告知补正的事项；有补正告知日期而此列为空时记为“（导入：原记录未载明）”"),
    CORRECTION_DUE_ON("补正期限", false, "", "申请人应补正的期限；有补正告知日期时必填"),
    CORRECTION_RECEIVED_ON("补正收到日期", false, "", "收到补正材料的日期，无则空"),
    EXTENSION_DAYS("延期", false, "", "延长答复期限的工作日数（1–20；2019年5月15日前收到的 1–15），无则空"),
    EXTENSION_APPROVED_ON("延期批准日期", false, "", "延期经批准的日期；填了延期时必填"),
    EXTENSION_REASON("延期理由", false, "", "可空，空时记为“（导入：原记录未载明）”"),
    ANSWERED_ON("答复日期", false, "2023-01-21", "答复之日；尚未答复则与答复结果一同留空"),
    OUTCOME("答复结果", false, "予以公开", "按年度报告表三的措辞，如 予以公开、部分公开、保护第三方合法权益、本机关不掌握相关政府信息、信访举报投诉类申请、其他");

    /** What a blank text field that the law's step needs is recorded as: never an invented fact. */
    public static final String NOT_STATED = "（导入：原记录未载明）";

    private final String header;
    private final boolean required;
    private final String example;
    private final String note;

    ImportColumn(String header, boolean required, String example, String note) {
        this.header = header;
        this.required = required;
        this.example = example;
        this.note = note;
    }

    public String header() {
        return header;
    }

    public boolean required() {
        return required;
    }

    public String example() {
        return example;
    }

    public String note() {
        return note;
    }

    /** The column a header cell names ("收到日期", "收到日期（必填）", " 延期(工作日) "), if any. */
    public static Optional<ImportColumn> ofHeader(String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        String name = cell.replace('\uFEFF', ' ').strip();
        for (char bracket : new char[] {'（', '(', '【', '['}) {
            int at = name.indexOf(bracket);
            if (at > 0) {
                name = name.substring(0, at).strip();
            }
        }
        String wanted = name.replace("*", "").strip();
        return Arrays.stream(values()).filter(c -> c.header.equals(wanted)).findFirst();
    }
}

package cn.opengov.tracker.command.document.wording;

import cn.opengov.tracker.api.document.DocumentKind;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The named placeholders a notice template may hold, written {@code {{名称}}} in the .docx. Some belong to every
 * kind, some to one; {@link #BODY} (and {@link #REMEDIES} for the answer) carry the legal wording and must be in
 * every template, so that an agency's own template can change the layout but never drop what the law says.
 * A placeholder alone in its paragraph that stands for several paragraphs becomes that many paragraphs.
 */
public enum Placeholder {
    AGENCY("机关全称", "发文机关全称（文书版头）"),
    NUMBER("文号", "发文字号，如 中宁科信公〔2026〕3号"),
    TITLE("标题", "文书标题，如 政府信息公开申请答复书"),
    ADDRESSEE("主送", "主送对象及冒号，如 张三："),
    BODY("正文", "正文（依条例写明的事实、依据和结论，可为多段）"),
    DATE("成文日期", "成文日期，如 2026年3月2日"),
    CONTACT("联系方式", "本机关联系地址和电话"),
    ADDRESS("机关地址", "本机关联系地址"),
    PHONE("机关电话", "本机关联系电话"),
    TRACKING_NO("受理编号", "申请的受理编号"),
    APPLICANT("申请人", "申请人姓名或者名称"),
    RECEIVED_ON("收到申请日期", "收到申请之日（条例第三十一条）"),
    CHANNEL("提交方式", "申请的提交方式"),
    DESCRIPTION("申请内容", "申请公开的政府信息"),
    DELIVERY_FORM("获取信息方式", "申请人要求的获取信息方式"),
    ANSWER_DUE("答复期限", "依现有记录计算的答复期限届满日"),
    CORRECTION_ITEMS("补正事项", "需要补正的事项", DocumentKind.CORRECTION_NOTICE),
    CORRECTION_DUE("补正期限", "申请人的补正期限", DocumentKind.CORRECTION_NOTICE),
    EXTENSION_DAYS("延长工作日数", "延长的工作日数", DocumentKind.EXTENSION_NOTICE),
    EXTENDED_DUE("延长后答复期限", "延长后的答复期限届满日", DocumentKind.EXTENSION_NOTICE),
    APPROVED_BY("批准人", "同意延期的政府信息公开工作机构负责人", DocumentKind.EXTENSION_NOTICE),
    EXTENSION_REASON("延期理由", "延长答复期限的理由", DocumentKind.EXTENSION_NOTICE),
    PARTY("被征求意见方", "被征求意见的第三方或者机关", DocumentKind.CONSULTATION_LETTER),
    CONSULTATION_SENT("征求意见日期", "征求意见书发出日期", DocumentKind.CONSULTATION_LETTER),
    CONSULTATION_DELIVERED("送达日期", "征求意见书送达日期", DocumentKind.CONSULTATION_LETTER),
    REPLY_DUE("提出意见期限", "被征求意见方提出意见的期限", DocumentKind.CONSULTATION_LETTER),
    SILENCE("逾期后果", "逾期未提出意见的后果", DocumentKind.CONSULTATION_LETTER),
    FEE_AMOUNT("收费金额", "信息处理费金额", DocumentKind.FEE_NOTICE),
    FEE_BASIS("计收方式", "按件计收或者按量计收", DocumentKind.FEE_NOTICE),
    FEE_DUE("缴费期限", "缴纳费用的期限", DocumentKind.FEE_NOTICE),
    FEE_PAYMENT("缴费方式", "缴纳费用的方式", DocumentKind.FEE_NOTICE),
    DEFERRED_DUE("延迟答复期限", "确定的延迟答复期限", DocumentKind.DEFERRAL_NOTICE),
    DEFERRAL_REASON("延迟理由", "延迟答复的理由", DocumentKind.DEFERRAL_NOTICE),
    ANSWERED_ON("答复日期", "答复日期", DocumentKind.ANSWER),
    OUTCOME("办理结果", "办理结果（年度报告的分类）", DocumentKind.ANSWER),
    LEGAL_BASIS("法律依据", "答复所依据的条例条文", DocumentKind.ANSWER),
    NOTE("说明", "承办人填写的说明", DocumentKind.ANSWER),
    REMEDIES("救济途径", "行政复议、行政诉讼的期限和机关", DocumentKind.ANSWER);

    private final String token;
    private final String description;
    private final Set<DocumentKind> kinds;

    Placeholder(String token, String description, DocumentKind... kinds) {
        this.token = token;
        this.description = description;
        this.kinds = kinds.length == 0 ? EnumSet.allOf(DocumentKind.class) : EnumSet.copyOf(Arrays.asList(kinds));
    }

    /** The name between the braces. */
    public String token() {
        return token;
    }

    /** As written in a template: {@code {{正文}}}. */
    public String written() {
        return "{{" + token + "}}";
    }

    public String description() {
        return description;
    }

    public boolean belongsTo(DocumentKind kind) {
        return kinds.contains(kind);
    }

    /** The placeholders a template of {@code kind} may hold. */
    public static List<Placeholder> of(DocumentKind kind) {
        return Arrays.stream(values()).filter(p -> p.belongsTo(kind)).toList();
    }

    /** The placeholders a template of {@code kind} must hold: the number, the legal wording, an answer's remedies. */
    public static List<Placeholder> requiredFor(DocumentKind kind) {
        return kind == DocumentKind.ANSWER ? List.of(NUMBER, BODY, REMEDIES) : List.of(NUMBER, BODY);
    }

    public static Optional<Placeholder> byToken(String token) {
        return Arrays.stream(values()).filter(p -> p.token.equals(token)).findFirst();
    }
}

package cn.opengov.tracker.api.document;

/**
 * The written notices the law makes of a request's steps (SPEC §2b "Written notices"). {@code mark} is the
 * character a kind adds to the agency's document-number prefix, so that each kind's numbers — counted per agency,
 * kind and year — never collide with another kind's: the answer keeps the bare prefix
 * ({@code 中宁科信公〔2026〕3号}), the receipt reads {@code 中宁科信公受〔2026〕1号}.
 */
public enum DocumentKind {
    /** 受理回执: the request was received (条例第三十一条), with the time limits that now run (第三十三条). */
    RECEIPT("政府信息公开申请受理回执", "受理回执", "受"),
    /** 补正告知书 (条例第三十条). */
    CORRECTION_NOTICE("政府信息公开申请补正告知书", "补正告知书", "补"),
    /** 延长答复期限告知书 (条例第三十三条第二款). */
    EXTENSION_NOTICE("政府信息公开申请延长答复期限告知书", "延长答复期限告知书", "延"),
    /** 征求意见书 to a third party (条例第三十二条) or another agency (第三十四条). */
    CONSULTATION_LETTER("政府信息公开征求意见书", "征求意见书", "征"),
    /** 收费通知书 (条例第四十二条, 国办函〔2020〕109号). */
    FEE_NOTICE("政府信息公开信息处理费收费通知书", "收费通知书", "费"),
    /** 延迟答复告知书 (条例第三十五条). */
    DEFERRAL_NOTICE("政府信息公开申请延迟答复告知书", "延迟答复告知书", "迟"),
    /** 答复书 (条例第三十六条), worded by the outcome category, with the remedies. */
    ANSWER("政府信息公开申请答复书", "答复书", "");

    private final String title;
    private final String label;
    private final String mark;

    DocumentKind(String title, String label, String mark) {
        this.title = title;
        this.label = label;
        this.mark = mark;
    }

    /** The title printed at the head of the document. */
    public String title() {
        return title;
    }

    /** The short name a clerk uses. */
    public String label() {
        return label;
    }

    public String mark() {
        return mark;
    }

    /** The document number: prefix, kind mark, year in 六角括号, sequence, 号 (GB/T 9704-2012 7.2.4). */
    public String number(String docPrefix, int year, int sequence) {
        return docPrefix + mark + "〔" + year + "〕" + sequence + "号";
    }
}

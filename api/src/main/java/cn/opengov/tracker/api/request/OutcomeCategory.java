package cn.opengov.tracker.api.request;

/** The outcome rows 三(一)–(六) of the annual table, in the table's order. */
public enum OutcomeCategory {
    DISCLOSED(OutcomeGroup.DISCLOSED, 0, "予以公开"),
    PARTIALLY_DISCLOSED(OutcomeGroup.PARTIALLY_DISCLOSED, 0, "部分公开（区分处理的，只计这一情形，不计其他情形）"),
    WITHHELD_STATE_SECRET(OutcomeGroup.WITHHELD, 1, "属于国家秘密"),
    WITHHELD_LAW_PROHIBITED(OutcomeGroup.WITHHELD, 2, "其他法律行政法规禁止公开"),
    WITHHELD_SECURITY_STABILITY(OutcomeGroup.WITHHELD, 3, "危及“三安全一稳定”"),
    WITHHELD_THIRD_PARTY_RIGHTS(OutcomeGroup.WITHHELD, 4, "保护第三方合法权益"),
    WITHHELD_INTERNAL_AFFAIRS(OutcomeGroup.WITHHELD, 5, "属于三类内部事务信息"),
    WITHHELD_PROCESS_INFO(OutcomeGroup.WITHHELD, 6, "属于四类过程性信息"),
    WITHHELD_ENFORCEMENT_FILE(OutcomeGroup.WITHHELD, 7, "属于行政执法案卷"),
    WITHHELD_ADMIN_QUERY(OutcomeGroup.WITHHELD, 8, "属于行政查询事项"),
    UNABLE_NOT_HELD(OutcomeGroup.UNABLE, 1, "本机关不掌握相关政府信息"),
    UNABLE_NEEDS_CREATION(OutcomeGroup.UNABLE, 2, "没有现成信息需要另行制作"),
    UNABLE_UNCLEAR_AFTER_CORRECTION(OutcomeGroup.UNABLE, 3, "补正后申请内容仍不明确"),
    NOT_PROCESSED_PETITION(OutcomeGroup.NOT_PROCESSED, 1, "信访举报投诉类申请"),
    NOT_PROCESSED_DUPLICATE(OutcomeGroup.NOT_PROCESSED, 2, "重复申请"),
    NOT_PROCESSED_PUBLICATION(OutcomeGroup.NOT_PROCESSED, 3, "要求提供公开出版物"),
    NOT_PROCESSED_MASS_REPEATED(OutcomeGroup.NOT_PROCESSED, 4, "无正当理由大量反复申请"),
    NOT_PROCESSED_CONFIRM_OR_REISSUE(OutcomeGroup.NOT_PROCESSED, 5, "要求行政机关确认或重新出具已获取信息"),
    OTHER_NO_CORRECTION(OutcomeGroup.OTHER, 1, "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    OTHER_FEE_UNPAID(OutcomeGroup.OTHER, 2, "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    OTHER(OutcomeGroup.OTHER, 3, "其他");

    private final OutcomeGroup group;
    private final int item;
    private final String label;

    OutcomeCategory(OutcomeGroup group, int item, String label) {
        this.group = group;
        this.item = item;
        this.label = label;
    }

    public OutcomeGroup group() {
        return group;
    }

    /** The numbered item inside its group (1.属于国家秘密 …), 0 where the group is a single row. */
    public int item() {
        return item;
    }

    public String label() {
        return label;
    }

    /** The row heading as printed, e.g. "(三) 不予公开 4.保护第三方合法权益". */
    public String fullLabel() {
        return item == 0 ? group.numbered() + " " + label : group.numbered() + " " + group.label() + " " + item + "." + label;
    }

    /** The groups (一)–(六) of 三、本年度办理结果. */
    public enum OutcomeGroup {
        DISCLOSED("(一)", "予以公开"),
        PARTIALLY_DISCLOSED("(二)", "部分公开"),
        WITHHELD("(三)", "不予公开"),
        UNABLE("(四)", "无法提供"),
        NOT_PROCESSED("(五)", "不予处理"),
        OTHER("(六)", "其他处理");

        private final String number;
        private final String label;

        OutcomeGroup(String number, String label) {
            this.number = number;
            this.label = label;
        }

        public String numbered() {
            return number;
        }

        public String label() {
            return label;
        }
    }
}

package cn.opengov.tracker.api.request;

/**
 * How a request arrived. The channel decides what counts as the legal date of receipt (条例第三十一条);
 * staff enter that date as {@code receivedOn}.
 */
public enum Channel {
    IN_PERSON("当面提交", "申请人当面提交之日"),
    MAIL("邮寄", "签收之日；平常信函为与申请人确认之日"),
    ONLINE("互联网", "双方确认之日"),
    FAX("传真", "双方确认之日");

    private final String label;
    private final String receiptRule;

    Channel(String label, String receiptRule) {
        this.label = label;
        this.receiptRule = receiptRule;
    }

    public String label() {
        return label;
    }

    public String receiptRule() {
        return receiptRule;
    }
}

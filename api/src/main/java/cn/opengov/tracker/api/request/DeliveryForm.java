package cn.opengov.tracker.api.request;

/**
 * How the applicant asks to be given the information (条例第二十九条第二款第三项 “申请公开的政府信息的形式要求，
 * 包括获取信息的方式、途径”).
 */
public enum DeliveryForm {
    PAPER_MAIL("纸质文本，邮寄"),
    PAPER_IN_PERSON("纸质文本，当面领取"),
    ELECTRONIC_EMAIL("电子文本，电子邮件"),
    ELECTRONIC_MEDIA("电子文本，光盘等存储介质"),
    ONLINE("通过互联网获取"),
    FAX("传真"),
    ON_SITE_READING("当场阅读、抄录"),
    OTHER("其他方式");

    private final String label;

    DeliveryForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

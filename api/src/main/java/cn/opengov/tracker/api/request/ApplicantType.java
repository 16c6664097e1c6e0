package cn.opengov.tracker.api.request;

/** The applicant columns of the annual table (申请人情况). */
public enum ApplicantType {
    NATURAL_PERSON("自然人", "自然人"),
    COMMERCIAL_ENTERPRISE("商业企业", "商业企业"),
    RESEARCH_INSTITUTION("科研机构", "科研机构"),
    SOCIAL_WELFARE_ORG("社会公益组织", "社会组织"),
    LEGAL_SERVICE_ORG("法律服务机构", "法律服务机构"),
    OTHER_ORG("其他", "其他");

    private final String label;
    private final String label2019;

    ApplicantType(String label, String label2019) {
        this.label = label;
        this.label2019 = label2019;
    }

    public String label() {
        return label;
    }

    /** 国办公开办函〔2019〕60号 named the fourth column 社会组织; the 2021 format renamed it. */
    public String label2019() {
        return label2019;
    }

    public boolean isOrganisation() {
        return this != NATURAL_PERSON;
    }
}

package cn.opengov.tracker.api.request;

/** The decided results counted in section 四. */
public enum CaseResult {
    UPHELD("结果维持"),
    CORRECTED("结果纠正"),
    OTHER("其他结果");

    private final String label;

    CaseResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

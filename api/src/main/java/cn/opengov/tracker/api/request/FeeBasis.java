package cn.opengov.tracker.api.request;

/**
 * How an information processing fee is counted (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号, 第五条):
 * per request (按件) or per volume (按量); one basis per request, never both.
 */
public enum FeeBasis {
    PER_REQUEST("按件计收"),
    PER_VOLUME("按量计收");

    private final String label;

    FeeBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

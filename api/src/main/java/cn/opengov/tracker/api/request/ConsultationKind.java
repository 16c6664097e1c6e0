package cn.opengov.tracker.api.request;

/** Whose opinion is sought: a third party (条例第三十二条) or another agency (第三十四条). */
public enum ConsultationKind {
    THIRD_PARTY("征求第三方意见"),
    OTHER_AGENCY("征求其他机关意见");

    private final String label;

    ConsultationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

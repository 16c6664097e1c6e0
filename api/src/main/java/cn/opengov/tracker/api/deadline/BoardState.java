package cn.opengov.tracker.api.deadline;

/** The deadline board's state of an unanswered request as of a date (SPEC §3). */
public enum BoardState {
    AWAITING_CORRECTION("待补正"),
    SUSPENDED("中止计时"),
    OVERDUE("已逾期"),
    DUE_SOON("即将到期"),
    ON_TRACK("正常"),
    /** Not in SPEC: the due date falls in a year whose holiday notice is not loaded, so it is not guessed. */
    CALENDAR_NOT_LOADED("节假日安排未导入");

    private final String label;

    BoardState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

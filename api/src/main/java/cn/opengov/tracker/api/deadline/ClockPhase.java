package cn.opengov.tracker.api.deadline;

/** Where the answer clock of a request stands. */
public enum ClockPhase {
    /** 补正 requested and not received: no answer due date exists. */
    AWAITING_CORRECTION,
    /** A consultation or fee notice is open: the due date is not yet known. */
    SUSPENDED,
    /** The clock runs towards a known due date. */
    RUNNING,
    /** Answered: off the board. */
    ANSWERED;

    public static ClockPhase of(RequestTimeline t) {
        if (t.isAnswered()) {
            return ANSWERED;
        }
        if (t.isAwaitingCorrection()) {
            return AWAITING_CORRECTION;
        }
        return t.isSuspended() ? SUSPENDED : RUNNING;
    }
}

package cn.opengov.tracker.api.deadline;

import java.time.LocalDate;

/**
 * A stretch during which the answer clock stands still (SPEC §3): a consultation (征求意见, 条例第三十二条、
 * 第三十四条) from sentOn to endedOn, or a fee notice (信息处理费) from noticeOn to paidOn. The working days in
 * (from, to] are paused; while {@code to} is null the pause is still open.
 */
public record Pause(String id, Kind kind, LocalDate from, LocalDate to) {

    public enum Kind { CONSULTATION, FEE }

    public boolean isOpen() {
        return to == null;
    }

    public boolean covers(LocalDate day) {
        return to != null && day.isAfter(from) && !day.isAfter(to);
    }

    public Pause endedOn(LocalDate end) {
        return new Pause(id, kind, from, end);
    }
}

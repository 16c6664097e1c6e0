package cn.opengov.tracker.query.reminder;

import cn.opengov.tracker.query.deadlineboard.DeadlineBoard.BoardItem;

import java.util.ArrayList;
import java.util.List;

/**
 * What one person is told on one day: their requests due within the configured working days and those overdue
 * (their own as 承办人, or their agency's unassigned ones), and, for a supervisor, the overdue requests of the
 * agencies they oversee.
 */
record ReminderDigest(Recipient recipient, List<BoardItem> dueSoon, List<BoardItem> overdue, List<BoardItem> supervised) {

    ReminderDigest(Recipient recipient) {
        this(recipient, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    boolean isEmpty() {
        return dueSoon.isEmpty() && overdue.isEmpty() && supervised.isEmpty();
    }
}

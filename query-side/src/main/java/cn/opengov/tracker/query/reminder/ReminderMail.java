package cn.opengov.tracker.query.reminder;

import cn.opengov.tracker.query.deadlineboard.DeadlineBoard.BoardItem;

import java.time.LocalDate;
import java.util.List;

/**
 * The words of a reminder: a subject that says how many requests need attention, and a plain-text body with one
 * line per request (受理编号, 状态, 答复期限, 剩余工作日) and its link. No applicant's name: the link shows the case to
 * whoever may see it.
 */
final class ReminderMail {

    private ReminderMail() {
    }

    static String subject(LocalDate day, ReminderDigest d) {
        int own = d.dueSoon().size() + d.overdue().size();
        StringBuilder s = new StringBuilder("【期限提醒】").append(day).append(' ');
        if (own > 0) {
            s.append("您有").append(own).append("件申请即将到期或已超期");
        }
        if (!d.supervised().isEmpty()) {
            s.append(own > 0 ? "；" : "").append("督办范围内").append(d.supervised().size()).append("件已超期");
        }
        return s.toString();
    }

    static String body(LocalDate day, ReminderDigest d, int dueWithin, String linkBase) {
        StringBuilder b = new StringBuilder();
        b.append(d.recipient().username()).append("，您好：\n\n以下是截至").append(day).append("需要您关注的政府信息公开申请。\n");
        section(b, "已超期（请尽快答复）", d.overdue(), linkBase);
        section(b, dueWithin + "个工作日内到期", d.dueSoon(), linkBase);
        section(b, "督办：所辖机关已超期的申请", d.supervised(), linkBase);
        b.append("\n全部待办：").append(linkBase).append("/my\n期限督办：").append(linkBase).append("/board\n\n")
                .append("本邮件由依申请公开案件管理系统在每个工作日自动发送，请勿回复。\n");
        return b.toString();
    }

    private static void section(StringBuilder b, String title, List<BoardItem> items, String linkBase) {
        if (items.isEmpty()) {
            return;
        }
        b.append("\n").append(title).append("（").append(items.size()).append("件）\n");
        for (BoardItem i : items) {
            b.append("  · ").append(i.trackingNo()).append("　").append(i.stateLabel())
                    .append("　答复期限 ").append(i.answerDueOn() == null ? "—" : i.answerDueOn().toString());
            if (i.workingDaysLeft() != null) {
                b.append(i.workingDaysLeft() < 0 ? "　已超期" + (-i.workingDaysLeft()) + "个工作日"
                        : "　剩余" + i.workingDaysLeft() + "个工作日");
            }
            if (i.assignee() == null) {
                b.append("　（未分配承办人）");
            }
            b.append("\n    ").append(linkBase).append("/requests/").append(i.requestId()).append('\n');
        }
    }
}

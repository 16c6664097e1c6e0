package cn.opengov.tracker.command.document.wording;

import cn.opengov.tracker.api.document.Letterhead;
import cn.opengov.tracker.api.request.OutcomeCategory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The remedies every answer states (条例第五十一条): 行政复议 within 60 days, naming the reconsideration body, and
 * 行政诉讼 within 6 months, naming the court — so that the time limits run from the answer (行政复议法第二十条第三款).
 * From 2024-01-01 the revised 行政复议法 (第二十三条第一款第（四）项) makes reconsideration come first when an
 * agency refuses to disclose: an answer that withholds says so, and that a lawsuit may follow within 15 days of
 * the reconsideration decision (行政诉讼法第四十五条).
 */
public final class Remedies {

    /** The revised 行政复议法 took effect on this day. */
    public static final LocalDate REVISED_RECONSIDERATION_LAW = LocalDate.of(2024, 1, 1);

    private Remedies() {
    }

    /** Whether the applicant must seek reconsideration before suing (行政复议法第二十三条第一款第（四）项: 不予公开). */
    public static boolean reconsiderationFirst(OutcomeCategory outcome, LocalDate answeredOn) {
        return !answeredOn.isBefore(REVISED_RECONSIDERATION_LAW) && withholds(outcome);
    }

    /**
     * The outcomes that refuse disclosure of some or all of what was asked: 不予公开 on the grounds of 条例第十四条至
     * 第十六条, and the withheld part of a 部分公开. Pointing to the special procedure for registration records
     * (行政查询事项, 第三十六条第（七）项) refuses nothing.
     */
    static boolean withholds(OutcomeCategory outcome) {
        return outcome == OutcomeCategory.PARTIALLY_DISCLOSED
                || (outcome.group() == OutcomeCategory.OutcomeGroup.WITHHELD && outcome != OutcomeCategory.WITHHELD_ADMIN_QUERY);
    }

    /** The paragraphs stating the remedies of an answer given on {@code answeredOn}. */
    public static List<String> of(OutcomeCategory outcome, LocalDate answeredOn, Letterhead letterhead) {
        String body = letterhead.reconsiderationBody();
        String court = letterhead.court();
        String reconsiderationArticle = answeredOn.isBefore(REVISED_RECONSIDERATION_LAW)
                ? "《中华人民共和国行政复议法》第九条第一款" : "《中华人民共和国行政复议法》第二十条第一款";
        String either = "可以自收到本答复书之日起60日内向" + body + "申请行政复议，也可以自收到本答复书之日起6个月内向"
                + court + "提起行政诉讼（" + reconsiderationArticle + "、《中华人民共和国行政诉讼法》第四十六条第一款）。";
        List<String> out = new ArrayList<>();
        if (!reconsiderationFirst(outcome, answeredOn)) {
            out.add("如对本答复不服，" + either);
            return out;
        }
        String first = "应当先自收到本答复书之日起60日内向" + body + "申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向"
                + court + "提起行政诉讼（《中华人民共和国行政复议法》第二十条第一款、第二十三条第一款第（四）项，"
                + "《中华人民共和国行政诉讼法》第四十五条）。";
        if (outcome == OutcomeCategory.PARTIALLY_DISCLOSED) {
            out.add("如对本答复中不予公开的部分不服，" + first);
            out.add("如对本答复的其他内容不服，" + either);
        } else {
            out.add("如对本答复不服，" + first);
        }
        return out;
    }
}

package cn.opengov.tracker.api.deadline;

import cn.opengov.tracker.api.request.ConsultationKind;

import java.time.LocalDate;

/**
 * Which 《政府信息公开条例》 sets a request's time limits, by its date of receipt (SPEC §2b). The 2019 revision
 * (国务院令第711号) took effect on 2019-05-15 (its 第五十六条); a request received before that keeps the limits of the
 * 2007 条例 (国务院令第492号). Requests from 2019-01-01 on are accepted, so both occur.
 *
 * <p>What differs:
 * <ul>
 *   <li>answer within 15 working days, one extension of at most 15 (2007 第二十四条第二款), against 20 and 20
 *       (2019 第三十三条第二款);</li>
 *   <li>the 7-working-day limit for the 补正 notice exists from 2019 on only (第三十条); the 2007 条例 (第二十一条第四项)
 *       set none;</li>
 *   <li>the consulted party's 15-working-day reply limit (2019 第三十二条、第三十四条). The 2007 条例 set none:
 *       "征求第三方意见所需时间不计算在本条第二款规定的期限内" (第二十四条第三款) excludes the whole time a third party
 *       takes, however long; and it excludes nothing for consulting another agency, which it did not provide for
 *       (that exclusion is 2019 第三十三条第三款's), so under 2007 such a consultation does not stop the clock;</li>
 *   <li>延迟答复 (2019 第三十五条) does not exist in the 2007 条例.</li>
 * </ul>
 */
public enum RuleSet {
    R2007("2007", "2007年《政府信息公开条例》（国务院令第492号）", "2007年条例第二十四条第二款", 15, 15, null, null),
    R2019("2019", "2019年修订的《政府信息公开条例》（国务院令第711号）", "条例第三十三条第二款", 20, 20, 7, 15);

    /** The day the 2019 revision took effect (its 第五十六条). */
    public static final LocalDate REVISION_IN_FORCE = LocalDate.of(2019, 5, 15);

    private final String code;
    private final String title;
    private final String answerArticle;
    private final int answerWorkingDays;
    private final int maxExtensionWorkingDays;
    private final Integer correctionNoticeWorkingDays;
    private final Integer consultationReplyWorkingDays;

    RuleSet(String code, String title, String answerArticle, int answerWorkingDays, int maxExtensionWorkingDays,
            Integer correctionNoticeWorkingDays, Integer consultationReplyWorkingDays) {
        this.code = code;
        this.title = title;
        this.answerArticle = answerArticle;
        this.answerWorkingDays = answerWorkingDays;
        this.maxExtensionWorkingDays = maxExtensionWorkingDays;
        this.correctionNoticeWorkingDays = correctionNoticeWorkingDays;
        this.consultationReplyWorkingDays = consultationReplyWorkingDays;
    }

    /** The rule set of a request received on {@code receivedOn} (收到申请之日, 条例第三十一条). */
    public static RuleSet forReceipt(LocalDate receivedOn) {
        return receivedOn.isBefore(REVISION_IN_FORCE) ? R2007 : R2019;
    }

    /** "2007" or "2019", as the API names it ({@code ruleSet}). */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** Where the answer limit and the extension are written. */
    public String answerArticle() {
        return answerArticle;
    }

    public int answerWorkingDays() {
        return answerWorkingDays;
    }

    public int maxExtensionWorkingDays() {
        return maxExtensionWorkingDays;
    }

    /** 条例第三十条's 7 working days, or null when the rule set has no limit for the 补正 notice. */
    public Integer correctionNoticeWorkingDays() {
        return correctionNoticeWorkingDays;
    }

    /** 条例第三十二条、第三十四条's 15 working days, or null when the consulted party has no reply limit. */
    public Integer consultationReplyWorkingDays() {
        return consultationReplyWorkingDays;
    }

    /** Whether consulting someone of this kind stops the clock at all (2007: third parties only). */
    public boolean consultationStopsTheClock(ConsultationKind kind) {
        return this == R2019 || kind != ConsultationKind.OTHER_AGENCY;
    }

    /** Whether 延迟答复 (第三十五条) exists under this rule set. */
    public boolean allowsDeferredAnswer() {
        return this == R2019;
    }
}

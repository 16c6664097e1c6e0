package cn.opengov.tracker.command.document.wording;

import cn.opengov.tracker.api.document.DocumentFacts;
import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.api.request.OutcomeCategory;

import java.util.ArrayList;
import java.util.List;

import static cn.opengov.tracker.command.document.wording.ChineseFormat.date;

/**
 * What an answer (条例第三十六条) says for each of the 21 outcome categories of the annual report: the finding, the
 * article of 《中华人民共和国政府信息公开条例》 (cited as 《条例》) it rests on, and what the applicant gets or why
 * not. The clerk's note, when there is one, follows as 说明 — or, where the law asks the agency to give the
 * reasons or the way to the information (部分公开, 公开出版物, 其他), it is that part of the sentence.
 */
public final class AnswerWording {

    /** What an unrecorded fact prints as: visible on paper, never a silent blank. */
    public static final String NOT_RECORDED = "（未登记）";

    private AnswerWording() {
    }

    /** The provision each category rests on, as cited in its wording. */
    public static String citation(OutcomeCategory outcome) {
        return switch (outcome) {
            case DISCLOSED -> "《条例》第三十六条第（二）项";
            case PARTIALLY_DISCLOSED -> "《条例》第三十七条";
            case WITHHELD_STATE_SECRET, WITHHELD_LAW_PROHIBITED, WITHHELD_SECURITY_STABILITY -> "《条例》第十四条";
            case WITHHELD_THIRD_PARTY_RIGHTS -> "《条例》第十五条";
            case WITHHELD_INTERNAL_AFFAIRS -> "《条例》第十六条第一款";
            case WITHHELD_PROCESS_INFO, WITHHELD_ENFORCEMENT_FILE -> "《条例》第十六条第二款";
            case WITHHELD_ADMIN_QUERY -> "《条例》第三十六条第（七）项";
            case UNABLE_NOT_HELD -> "《条例》第三十六条第（四）项";
            case UNABLE_NEEDS_CREATION -> "《条例》第三十八条";
            case UNABLE_UNCLEAR_AFTER_CORRECTION -> "《条例》第二十九条第二款第（二）项";
            case NOT_PROCESSED_PETITION -> "《条例》第三十九条第一款";
            case NOT_PROCESSED_DUPLICATE -> "《条例》第三十六条第（六）项";
            case NOT_PROCESSED_PUBLICATION -> "《条例》第三十九条第二款";
            case NOT_PROCESSED_MASS_REPEATED -> "《条例》第三十五条";
            case NOT_PROCESSED_CONFIRM_OR_REISSUE -> "《条例》第二条、第三十八条";
            case OTHER_NO_CORRECTION -> "《条例》第三十条";
            case OTHER_FEE_UNPAID -> "《政府信息公开信息处理费管理办法》";
            case OTHER -> "《条例》第三十三条第二款";
        };
    }

    /** The paragraphs that state the outcome, for an applicant addressed as {@code you} (您 or 贵单位). */
    public static List<String> paragraphs(DocumentFacts f, String you) {
        OutcomeCategory outcome = f.outcome();
        String note = f.answer().note() == null || f.answer().note().isBlank() ? null : f.answer().note().strip();
        String cite = citation(outcome);
        String withheld = "本机关决定不予公开。";
        List<String> out = new ArrayList<>();
        switch (outcome) {
            case DISCLOSED -> out.add("经审查，" + you + "申请公开的政府信息属于可以公开的政府信息。根据" + cite + "的规定，本机关予以公开，"
                    + delivery(f.deliveryForm()) + "；所申请公开的信息已经主动公开的，本机关告知获取该政府信息的方式、途径（《条例》第三十六条第（一）项）。");
            case PARTIALLY_DISCLOSED -> {
                out.add("经审查，" + you + "申请公开的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理。根据" + cite
                        + "的规定，本机关向" + you + "提供可以公开的政府信息内容，" + delivery(f.deliveryForm()) + "。");
                out.add("对不予公开的内容，理由如下：" + (note == null ? NOT_RECORDED : note));
                note = null;
            }
            case WITHHELD_STATE_SECRET -> out.add("经审查，" + you + "申请公开的政府信息属于依法确定为国家秘密的政府信息。根据" + cite
                    + "、第三十六条第（三）项的规定，" + withheld);
            case WITHHELD_LAW_PROHIBITED -> out.add("经审查，" + you + "申请公开的政府信息属于法律、行政法规禁止公开的政府信息。根据" + cite
                    + "、第三十六条第（三）项的规定，" + withheld);
            case WITHHELD_SECURITY_STABILITY -> out.add("经审查，" + you + "申请公开的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据"
                    + cite + "、第三十六条第（三）项的规定，" + withheld);
            case WITHHELD_THIRD_PARTY_RIGHTS -> out.add("经审查，" + you + "申请公开的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。根据"
                    + cite + "、第三十六条第（三）项的规定，" + withheld);
            case WITHHELD_INTERNAL_AFFAIRS -> out.add("经审查，" + you + "申请公开的政府信息属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）。根据"
                    + cite + "、第三十六条第（三）项的规定，" + withheld);
            case WITHHELD_PROCESS_INFO -> out.add("经审查，" + you + "申请公开的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息。根据"
                    + cite + "、第三十六条第（三）项的规定，" + withheld);
            case WITHHELD_ENFORCEMENT_FILE -> out.add("经审查，" + you + "申请公开的政府信息属于行政执法案卷信息。根据" + cite
                    + "、第三十六条第（三）项的规定，" + withheld);
            case WITHHELD_ADMIN_QUERY -> out.add("经审查，" + you + "申请公开的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。根据"
                    + cite + "的规定，请" + you + "依照有关法律、行政法规的规定办理。");
            case UNABLE_NOT_HELD -> out.add("经检索，本机关没有制作、获取" + you + "申请公开的政府信息。根据" + cite
                    + "的规定，告知" + you + "该政府信息不存在；所申请公开信息不属于本机关负责公开的，能够确定负责公开该信息的行政机关的，其名称、联系方式见下文说明（《条例》第三十六条第（五）项）。");
            case UNABLE_NEEDS_CREATION -> out.add("经审查，本机关没有" + you + "所申请的现成信息，需要对现有政府信息进行加工、分析方能形成。根据" + cite
                    + "的规定，行政机关向申请人提供的信息应当是已制作或者获取的政府信息，本机关不予提供。");
            case UNABLE_UNCLEAR_AFTER_CORRECTION -> out.add("本机关已于" + dateOrUnrecorded(f.correctionNotice() == null ? null : f.correctionNotice().noticeOn())
                    + "依照《条例》第三十条的规定告知" + you + "作出补正，并于" + dateOrUnrecorded(f.correctionReceivedOn())
                    + "收到补正后的申请。经审查，补正后的申请内容仍不明确，不符合" + cite + "关于申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述的要求，本机关无法确定"
                    + you + "所需的政府信息，无法提供。");
            case NOT_PROCESSED_PETITION -> out.add("经审查，" + you + "是以政府信息公开申请的形式进行信访、投诉、举报等活动。根据" + cite
                    + "的规定，本机关不作为政府信息公开申请处理，" + you + "可以通过信访、投诉、举报等相应渠道提出。");
            case NOT_PROCESSED_DUPLICATE -> out.add("经审查，本机关已就" + you + "提出的政府信息公开申请作出答复，" + you + "重复申请公开相同的政府信息。根据"
                    + cite + "的规定，本机关不予重复处理。");
            case NOT_PROCESSED_PUBLICATION -> {
                out.add("经审查，" + you + "申请的内容为要求行政机关提供政府公报、报刊、书籍等公开出版物。根据" + cite
                        + "的规定，本机关不作为政府信息公开申请处理，告知获取的途径：" + (note == null ? NOT_RECORDED : note));
                note = null;
            }
            case NOT_PROCESSED_MASS_REPEATED -> out.add(you + "申请公开政府信息的数量、频次明显超过合理范围。本机关要求" + you
                    + "说明理由，经审查，认为申请理由不合理。根据" + cite + "的规定，本机关不予处理。");
            case NOT_PROCESSED_CONFIRM_OR_REISSUE -> out.add("经审查，" + you + "申请的内容为要求本机关对已获取的政府信息进行确认或者重新出具。政府信息是行政机关在履行行政管理职能过程中制作或者获取的、以一定形式记录、保存的信息，行政机关向申请人提供的应当是已制作或者获取的政府信息（"
                    + cite + "），确认或者重新出具不属于政府信息公开申请的内容，本机关不作为政府信息公开申请处理。");
            case OTHER_NO_CORRECTION -> out.add("本机关已于" + dateOrUnrecorded(f.correctionNotice() == null ? null : f.correctionNotice().noticeOn())
                    + "依照" + cite + "的规定一次性告知" + you + "作出补正，补正期限至" + dateOrUnrecorded(f.correctionNotice() == null ? null : f.correctionNotice().applicantDueOn())
                    + "。" + you + "无正当理由逾期未补正。根据" + cite + "的规定，视为" + you + "放弃申请，本机关不再处理该政府信息公开申请。");
            case OTHER_FEE_UNPAID -> out.add("本机关已于" + dateOrUnrecorded(f.feeNotice() == null ? null : f.feeNotice().noticeOn())
                    + "向" + you + "发出信息处理费收费通知书，" + you + "应当自收到收费通知之日起20个工作日内缴纳费用，但逾期未缴纳。根据《中华人民共和国政府信息公开条例》第四十二条和"
                    + cite + "（国办函〔2020〕109号）的规定，视为" + you + "放弃申请，本机关不再处理该政府信息公开申请。");
            case OTHER -> {
                out.add("本机关依照" + cite + "的规定，对" + you + "的政府信息公开申请作如下处理：" + (note == null ? NOT_RECORDED : note));
                note = null;
            }
        }
        if (note != null) {
            out.add("说明：" + note);
        }
        return out;
    }

    private static String delivery(DeliveryForm form) {
        return form == null ? "并根据" + "申请人的要求及本机关保存政府信息的实际情况确定提供政府信息的具体形式（《条例》第四十条）"
                : "按照申请人要求的形式（" + form.label() + "）提供该政府信息（《条例》第四十条）";
    }

    static String dateOrUnrecorded(java.time.LocalDate d) {
        return d == null ? NOT_RECORDED : date(d);
    }
}

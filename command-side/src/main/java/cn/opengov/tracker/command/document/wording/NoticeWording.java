package cn.opengov.tracker.command.document.wording;

import cn.opengov.tracker.api.calendar.CalendarNotLoadedException;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.deadline.Deadlines;
import cn.opengov.tracker.api.deadline.RuleSet;
import cn.opengov.tracker.api.deadline.RequestTimeline;
import cn.opengov.tracker.api.document.DocumentFacts;
import cn.opengov.tracker.api.document.DocumentFacts.Consultation;
import cn.opengov.tracker.api.document.DocumentKind;
import cn.opengov.tracker.api.document.DocumentPolicy.Subject;
import cn.opengov.tracker.api.document.Letterhead;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.state.Deferral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static cn.opengov.tracker.command.document.wording.AnswerWording.NOT_RECORDED;
import static cn.opengov.tracker.command.document.wording.ChineseFormat.date;

/**
 * The words of each written notice, from the request's facts and the agency's letterhead only (SPEC §2b). Each
 * kind cites the article of 《中华人民共和国政府信息公开条例》 that makes the step a notice to the applicant, and
 * states the dates the law counts from; a date the calendar cannot reach yet, and a fact the events do not carry,
 * are said in words rather than guessed.
 */
public final class NoticeWording {

    static final String REGULATION = "《中华人民共和国政府信息公开条例》（以下简称《条例》）";

    private NoticeWording() {
    }

    public static NoticeContent of(Subject subject, DocumentFacts f, Letterhead letterhead, String number,
                                   WorkingDayCalendar calendar) {
        DocumentKind kind = subject.kind();
        NoticeContent c = new NoticeContent(kind);
        String you = f.applicant().type().isOrganisation() ? "贵单位" : "您";
        c.put(Placeholder.AGENCY, letterhead.fullName())
                .put(Placeholder.NUMBER, number)
                .put(Placeholder.TITLE, kind.title())
                .put(Placeholder.DATE, date(subject.datedOn()))
                .put(Placeholder.ADDRESS, letterhead.address())
                .put(Placeholder.PHONE, letterhead.phone())
                .put(Placeholder.CONTACT, contact(letterhead))
                .put(Placeholder.TRACKING_NO, f.trackingNo())
                .put(Placeholder.APPLICANT, f.applicant().name())
                .put(Placeholder.RECEIVED_ON, date(f.receivedOn()))
                .put(Placeholder.CHANNEL, f.channel().label())
                .put(Placeholder.DESCRIPTION, f.description())
                .put(Placeholder.DELIVERY_FORM, f.deliveryForm() == null ? NOT_RECORDED : f.deliveryForm().label())
                .put(Placeholder.ANSWER_DUE, orUnknown(() -> Deadlines.answerDueOrNull(f.timeline(), calendar), "暂不确定"))
                .put(Placeholder.ADDRESSEE, f.applicant().name() + "：");
        String request = you + "于" + date(f.receivedOn()) + "通过" + f.channel().label() + "方式向本机关提出的政府信息公开申请（受理编号："
                + f.trackingNo() + "）";
        List<String> body = new ArrayList<>();
        switch (kind) {
            case RECEIPT -> receipt(f, you, calendar, body);
            case CORRECTION_NOTICE -> {
                var n = f.correctionNotice();
                c.put(Placeholder.CORRECTION_ITEMS, n.items()).put(Placeholder.CORRECTION_DUE, date(n.applicantDueOn()));
                body.add(request + "收悉。经审查，" + you + "的申请内容不明确，本机关无法确定" + you + "所需的政府信息。根据" + REGULATION
                        + "第三十条的规定，现一次性告知" + you + "作出补正。需要补正的事项如下：");
                body.addAll(n.items().lines().map(String::strip).filter(s -> !s.isEmpty()).toList());
                body.add("请" + you + "于" + date(n.applicantDueOn()) + "前向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。"
                        + you + "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。");
            }
            case EXTENSION_NOTICE -> extension(f, request, you, calendar, c, body);
            case CONSULTATION_LETTER -> consultation(f, subject, calendar, c, body);
            case FEE_NOTICE -> fee(f, request, you, letterhead, calendar, c, body);
            case DEFERRAL_NOTICE -> {
                Deferral d = f.deferral();
                c.put(Placeholder.DEFERRED_DUE, date(d.dueOn())).put(Placeholder.DEFERRAL_REASON, d.reason());
                body.add(request + "收悉。经审查，" + you + "申请公开政府信息的数量、频次明显超过合理范围。本机关认为" + you + "的申请理由合理，但是无法在" + REGULATION
                        + "第三十三条规定的期限内答复。根据《条例》第三十五条的规定，本机关确定延迟答复的合理期限，将于" + date(d.dueOn()) + "前作出答复。");
                body.add("延迟答复的理由：" + blankToUnrecorded(d.reason()));
            }
            case ANSWER -> {
                c.put(Placeholder.ANSWERED_ON, date(f.answer().answeredOn()))
                        .put(Placeholder.OUTCOME, f.outcome().fullLabel())
                        .put(Placeholder.LEGAL_BASIS, AnswerWording.citation(f.outcome()))
                        .put(Placeholder.NOTE, f.answer().note())
                        .put(Placeholder.REMEDIES, Remedies.of(f.outcome(), f.answer().answeredOn(), letterhead));
                String corrected = f.correctionReceivedOn() == null ? ""
                        : "，并于" + date(f.correctionReceivedOn()) + "补正";
                body.add(request + corrected + "，申请公开：“" + f.description() + "”。本机关依照" + REGULATION
                        + "第三十六条的规定，答复如下：");
                body.addAll(AnswerWording.paragraphs(f, you));
            }
        }
        c.put(Placeholder.BODY, body);
        return c;
    }

    private static void receipt(DocumentFacts f, String you, WorkingDayCalendar calendar, List<String> body) {
        Channel channel = f.channel();
        body.add("本机关于" + date(f.receivedOn()) + "收到" + you + "通过" + channel.label() + "方式提交的政府信息公开申请，受理编号为"
                + f.trackingNo() + "。申请公开的政府信息：“" + f.description() + "”。");
        body.add("根据" + REGULATION + "第三十一条第（" + receiptItem(channel) + "）项的规定（" + channel.label() + "的，以"
                + channel.receiptRule() + "为收到申请之日），本申请的收到申请之日为" + date(f.receivedOn()) + "。");
        String due = orUnknown(() -> Deadlines.answerDue(RequestTimeline.receivedOn(f.receivedOn()), calendar)
                .map(d -> date(d.dueOn())).orElse(null), null);
        body.add("本机关将依照《条例》第三十三条第二款的规定，自收到申请之日起20个工作日内" + (due == null ? "" : "（即" + due + "前）")
                + "作出答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知" + you + "，延长的期限最长不超过20个工作日。征求第三方和其他机关意见所需时间不计算在答复期限内（《条例》第三十三条第三款）。");
        body.add("申请内容不明确的，本机关将自收到申请之日起7个工作日内一次性告知" + you + "作出补正（《条例》第三十条）。"
                + you + "要求的获取信息方式：" + (f.deliveryForm() == null ? NOT_RECORDED : f.deliveryForm().label()) + "。");
    }

    private static void extension(DocumentFacts f, String request, String you, WorkingDayCalendar calendar, NoticeContent c,
                                  List<String> body) {
        DocumentFacts.Extension e = f.extension();
        String due = orUnknown(() -> Deadlines.answerDue(f.timeline().asOf(e.approvedOn()), calendar)
                .map(d -> date(d.dueOn())).orElse(null), null);
        String approver = blankToUnrecorded(e.approvedBy());
        c.put(Placeholder.EXTENSION_DAYS, String.valueOf(e.workingDays()))
                .put(Placeholder.EXTENDED_DUE, due == null ? "暂不确定" : due)
                .put(Placeholder.APPROVED_BY, approver)
                .put(Placeholder.EXTENSION_REASON, e.reason());
        body.add(request + "收悉。因" + blankToUnrecorded(e.reason()) + "，本机关不能在" + REGULATION + "第三十三条第二款规定的20个工作日内作出答复。");
        body.add("经本机关政府信息公开工作机构负责人同意（批准人：" + approver + "，批准日期：" + date(e.approvedOn())
                + "），根据《条例》第三十三条第二款的规定，答复期限延长" + e.workingDays() + "个工作日，"
                + (due == null ? "延长后的答复期限届满日扣除征求意见等不计入答复期限的时间后另行确定。"
                : "延长后的答复期限届满日为" + due + "。") + "征求第三方和其他机关意见所需时间不计算在答复期限内（《条例》第三十三条第三款）。");
    }

    private static void consultation(DocumentFacts f, Subject subject, WorkingDayCalendar calendar, NoticeContent c,
                                     List<String> body) {
        Consultation k = f.consultation(subject.subjectId()).orElseThrow();
        boolean agency = k.kind() == ConsultationKind.OTHER_AGENCY;
        String party = agency ? "贵机关" : "您（单位）";
        String due = k.deliveredOn() == null ? null
                : orUnknown(() -> date(calendar.plusWorkingDays(k.deliveredOn(), RuleSet.R2019.consultationReplyWorkingDays())), null);
        String silence = agency ? "逾期未提出意见的，视为同意公开（《条例》第三十四条）。"
                : "逾期未提出意见的，由本机关依照《条例》的规定决定是否公开。" + party + "不同意公开且有合理理由的，本机关不予公开；"
                + "本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知" + party + "（《条例》第三十二条）。";
        c.put(Placeholder.ADDRESSEE, k.party() + "：")
                .put(Placeholder.PARTY, k.party())
                .put(Placeholder.CONSULTATION_SENT, date(k.sentOn()))
                .put(Placeholder.CONSULTATION_DELIVERED, k.deliveredOn() == null ? NOT_RECORDED : date(k.deliveredOn()))
                .put(Placeholder.REPLY_DUE, "自收到本征求意见书之日起15个工作日内" + (due == null ? "" : "（即" + due + "前）"))
                .put(Placeholder.SILENCE, silence);
        String why = agency ? "经审查，该政府信息由本机关与" + party + "共同制作。根据" + REGULATION + "第三十四条的规定，现征求" + party + "的意见。"
                : "经审查，该政府信息公开可能损害" + party + "的合法权益。根据" + REGULATION + "第三十二条的规定，现书面征求" + party + "的意见。";
        body.add("本机关于" + date(f.receivedOn()) + "收到政府信息公开申请（受理编号：" + f.trackingNo() + "），申请公开的政府信息为：“"
                + f.description() + "”。" + why);
        body.add("请" + party + "自收到本征求意见书之日起15个工作日内" + (due == null ? "" : "（即" + due + "前）")
                + "向本机关书面提出是否同意公开的意见；不同意公开的，请说明理由。" + silence);
    }

    private static void fee(DocumentFacts f, String request, String you, Letterhead letterhead, WorkingDayCalendar calendar,
                            NoticeContent c, List<String> body) {
        DocumentFacts.Fee n = f.feeNotice();
        String basis = n.basis() == null ? NOT_RECORDED : n.basis().label();
        String basisArticle = n.basis() == null ? "第三条" : switch (n.basis()) {
            case PER_REQUEST -> "第三条、第四条";
            case PER_VOLUME -> "第三条、第五条";
        };
        String due = n.deliveredOn() == null ? null
                : orUnknown(() -> date(Deadlines.feeDueOn(n.deliveredOn(), calendar)), null);
        String payment = letterhead.feePayment() == null || letterhead.feePayment().isBlank()
                ? "请与本机关联系办理缴费手续" : letterhead.feePayment();
        c.put(Placeholder.FEE_AMOUNT, ChineseFormat.yuan(n.amountYuan()))
                .put(Placeholder.FEE_BASIS, basis)
                .put(Placeholder.FEE_DUE, "自收到本通知书之日起20个工作日内" + (due == null ? "" : "（即" + due + "前）"))
                .put(Placeholder.FEE_PAYMENT, payment);
        body.add(request + "收悉。经审查，" + you + "申请公开政府信息的数量、频次明显超过合理范围。根据" + REGULATION
                + "第四十二条第一款和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）" + basisArticle + "的规定，本机关依法收取信息处理费。");
        body.add("计收方式：" + basis + "；应缴金额：" + ChineseFormat.yuan(n.amountYuan()) + "。");
        body.add("请" + you + "自收到本通知书之日起20个工作日内" + (due == null ? "" : "（即" + due + "前）") + "缴纳上述费用。缴纳方式：" + payment
                + "。" + you + "逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。");
    }

    /** 条例第三十一条: (一) in person, (二) by mail, (三) online or by fax. */
    static String receiptItem(Channel channel) {
        return switch (channel) {
            case IN_PERSON -> "一";
            case MAIL -> "二";
            case ONLINE, FAX -> "三";
        };
    }

    private static String contact(Letterhead l) {
        List<String> parts = new ArrayList<>();
        if (l.address() != null && !l.address().isBlank()) {
            parts.add("联系地址：" + l.address());
        }
        if (l.phone() != null && !l.phone().isBlank()) {
            parts.add("联系电话：" + l.phone());
        }
        return String.join("　", parts);
    }

    private static String blankToUnrecorded(String s) {
        return s == null || s.isBlank() ? NOT_RECORDED : s.strip();
    }

    private static String orUnknown(Supplier<Object> value, String unknown) {
        try {
            Object v = value.get();
            if (v instanceof LocalDate d) {
                return date(d);
            }
            return v == null ? unknown : v.toString();
        } catch (CalendarNotLoadedException e) {
            return unknown;
        }
    }
}

package cn.opengov.tracker.command.document;

import cn.opengov.tracker.api.calendar.HolidayNotices;
import cn.opengov.tracker.api.calendar.WorkingDayCalendar;
import cn.opengov.tracker.api.document.DocumentFacts;
import cn.opengov.tracker.api.document.DocumentKind;
import cn.opengov.tracker.api.document.DocumentPolicy;
import cn.opengov.tracker.api.document.Letterhead;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.api.request.FeeBasis;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.AnswerDeferred;
import cn.opengov.tracker.api.request.event.ConsultationEnded;
import cn.opengov.tracker.api.request.event.ConsultationStarted;
import cn.opengov.tracker.api.request.event.FeePaid;
import cn.opengov.tracker.api.request.event.CorrectionReceived;
import cn.opengov.tracker.api.request.event.CorrectionRequested;
import cn.opengov.tracker.api.request.event.DeadlineExtended;
import cn.opengov.tracker.api.request.event.FeeNoticeIssued;
import cn.opengov.tracker.api.request.event.RequestAnswered;
import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.command.document.wording.NoticeContent;
import cn.opengov.tracker.command.document.wording.NoticeWording;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A request with every step the notices tell of, built from events as the issuer folds them. */
final class NoticeFixtures {

    static final WorkingDayCalendar CALENDAR = HolidayNotices.bundledCalendar();
    static final UUID ID = UUID.fromString("0d5c1f7e-3f0a-4c59-9d1e-2f4b6a8c0e11");
    static final Letterhead LETTERHEAD = new Letterhead("ZNX-KJJ", "中宁县科学技术局", "中宁科信公", "宁夏中宁县宁安大街1号",
            "0955-5011234", "中宁县人民政府", "中宁县人民法院", "通过非税收入缴款码缴纳");

    private NoticeFixtures() {
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static DocumentFacts received(DeliveryForm form, ApplicantType type) {
        return DocumentFacts.of(new RequestReceived(ID, "ZNX-KJJ-2026-0007", "ZNX-KJJ", d("2026-03-02"), Channel.MAIL,
                new Applicant(type, type.isOrganisation() ? "宁夏某某科技有限公司" : "张三", null, "13900000000", null, "中宁县某街道"),
                "申请公开2025年度科技专项资金的分配明细", form), 0);
    }

    static DocumentFacts with(DocumentFacts f, RequestEvent... events) {
        for (RequestEvent e : events) {
            f = f.apply(e, f.version() + 1);
        }
        return f;
    }

    /** Every step recorded, with the §2b facts present. */
    static DocumentFacts everyStep(OutcomeCategory outcome) {
        return with(received(DeliveryForm.PAPER_MAIL, ApplicantType.NATURAL_PERSON),
                new CorrectionRequested(ID, d("2026-03-04"), "请写明所需资金明细的年度和项目名称\n请提供身份证明复印件", d("2026-03-18")),
                new CorrectionReceived(ID, d("2026-03-09")),
                new ConsultationStarted(ID, "c-third", ConsultationKind.THIRD_PARTY, "宁夏某某农业公司", d("2026-03-10"), d("2026-03-12")),
                new ConsultationStarted(ID, "c-agency", ConsultationKind.OTHER_AGENCY, "中宁县财政局", d("2026-03-11")),
                new FeeNoticeIssued(ID, d("2026-03-16"), new BigDecimal("300.00"), d("2026-03-17"), FeeBasis.PER_VOLUME),
                new ConsultationEnded(ID, "c-third", d("2026-03-20")),
                new FeePaid(ID, d("2026-03-23")),
                new ConsultationEnded(ID, "c-agency", d("2026-03-25")),
                new DeadlineExtended(ID, d("2026-04-01"), 15, "需向多个项目单位调取资料", "王明（办公室主任）"),
                new AnswerDeferred(ID, d("2026-04-20"), d("2026-06-30"), "申请数量明显超过合理范围，需分批检索"),
                new RequestAnswered(ID, d("2026-05-11"), outcome, "资金明细见附件；涉及个人银行账号的部分已作区分处理"));
    }

    /** The same steps as old events recorded them: no approver, delivery, fee basis or delivery form. */
    static DocumentFacts everyStepWithoutNewFacts(OutcomeCategory outcome) {
        return with(received(null, ApplicantType.COMMERCIAL_ENTERPRISE),
                new CorrectionRequested(ID, d("2026-03-04"), "请写明所需资金明细的年度", d("2026-03-18")),
                new CorrectionReceived(ID, d("2026-03-09")),
                new ConsultationStarted(ID, "c-third", ConsultationKind.THIRD_PARTY, "宁夏某某农业公司", d("2026-03-10")),
                new FeeNoticeIssued(ID, d("2026-03-16"), new BigDecimal("100")),
                new DeadlineExtended(ID, d("2026-04-01"), 20, "需调取档案"),
                new RequestAnswered(ID, d("2026-05-11"), outcome, null));
    }

    static NoticeContent content(DocumentKind kind, DocumentFacts f, String consultationId) {
        DocumentPolicy.Subject subject = DocumentPolicy.subject(kind, f, consultationId);
        return NoticeWording.of(subject, f, LETTERHEAD, kind.number(LETTERHEAD.docPrefix(), 2026, 3), CALENDAR);
    }
}

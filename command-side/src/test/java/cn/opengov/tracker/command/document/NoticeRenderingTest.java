package cn.opengov.tracker.command.document;

import cn.opengov.tracker.api.document.DocumentFacts;
import cn.opengov.tracker.api.document.DocumentKind;
import cn.opengov.tracker.api.document.DocumentPolicy;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.command.document.render.DefaultTemplates;
import cn.opengov.tracker.command.document.render.NoticeRenderer;
import cn.opengov.tracker.command.document.render.PdfWriter;
import cn.opengov.tracker.command.document.wording.AnswerWording;
import cn.opengov.tracker.command.document.wording.NoticeContent;
import cn.opengov.tracker.command.document.wording.Placeholder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static cn.opengov.tracker.command.document.NoticeFixtures.LETTERHEAD;
import static cn.opengov.tracker.command.document.NoticeFixtures.content;
import static cn.opengov.tracker.command.document.NoticeFixtures.everyStep;
import static cn.opengov.tracker.command.document.NoticeFixtures.everyStepWithoutNewFacts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of notice and every outcome of an answer, rendered through the built-in template: the .docx and the
 * PDF (text extracted back with PDFBox) say the same sentences, state the request's facts, and an answer always
 * states the remedies.
 */
class NoticeRenderingTest {

    static final NoticeRenderer RENDERER = new NoticeRenderer(new PdfWriter(PdfWriter.DEFAULT_FONTS, 2));

    record Both(String docx, String pdf, NoticeRenderer.Rendered rendered) {
    }

    static Both render(NoticeContent content) throws Exception {
        NoticeRenderer.Rendered r = RENDERER.render(DefaultTemplates.of(content.kind()), content, NoticeFixtures.d("2026-05-11"));
        String keep = System.getProperty("notices.out");
        if (keep != null) {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(keep));
            String name = content.kind() + "-" + content.text(Placeholder.NUMBER).hashCode() + "-" + System.nanoTime();
            java.nio.file.Files.write(java.nio.file.Path.of(keep, name + ".pdf"), r.pdf());
            java.nio.file.Files.write(java.nio.file.Path.of(keep, name + ".docx"), r.docx());
        }
        String docx;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.docx()));
             XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
            docx = words.getText();
        }
        String pdf;
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            pdf = new PDFTextStripper().getText(doc);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).as("A4").isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            List<PDFont> fonts = new ArrayList<>();
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                fonts.add(doc.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).as("the Chinese font is embedded").anySatisfy(f -> assertThat(f.isEmbedded()).isTrue());
        }
        return new Both(docx, pdf, r);
    }

    /** Line breaks and spaces differ between the two files and the words: compare the characters. */
    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    static void saysEverySentence(Both both, NoticeContent c) {
        List<String> sentences = new ArrayList<>(c.paragraphs(Placeholder.BODY));
        sentences.addAll(c.paragraphs(Placeholder.REMEDIES));
        sentences.add(c.text(Placeholder.TITLE));
        sentences.add(c.text(Placeholder.NUMBER));
        sentences.add(c.text(Placeholder.DATE));
        sentences.add(c.text(Placeholder.AGENCY));
        for (String s : sentences) {
            assertThat(squeeze(both.pdf())).as("the PDF says: " + s).contains(squeeze(s));
            assertThat(squeeze(both.docx())).as("the .docx says: " + s).contains(squeeze(s));
        }
    }

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void everyKindRendersWithTheRequestsFacts(DocumentKind kind) throws Exception {
        DocumentFacts f = everyStep(OutcomeCategory.DISCLOSED);
        NoticeContent c = content(kind, f, kind == DocumentKind.CONSULTATION_LETTER ? "c-third" : null);
        Both both = render(c);
        saysEverySentence(both, c);
        String pdf = squeeze(both.pdf());
        assertThat(pdf).contains("中宁县科学技术局").contains(kind.title()).contains(kind.number("中宁科信公", 2026, 3))
                .contains("ZNX-KJJ-2026-0007").contains("联系电话：0955-5011234");
        if (kind != DocumentKind.CONSULTATION_LETTER) {
            assertThat(pdf).contains("张三：").contains("2026年3月2日");
        }
        switch (kind) {
            case RECEIPT -> assertThat(pdf).contains("第三十一条第（二）项").contains("20个工作日内（即2026年3月30日前）").contains("纸质文本，邮寄");
            case CORRECTION_NOTICE -> assertThat(pdf).contains("第三十条").contains("请写明所需资金明细的年度和项目名称")
                    .contains("请提供身份证明复印件").contains("2026年3月18日前").contains("视为放弃申请");
            case EXTENSION_NOTICE -> assertThat(pdf).contains("第三十三条第二款").contains("延长15个工作日")
                    .contains("王明（办公室主任）").contains("延长后的答复期限届满日为");
            case CONSULTATION_LETTER -> assertThat(pdf).contains("宁夏某某农业公司：").contains("第三十二条")
                    .contains("15个工作日内（即2026年4月2日前）").contains("由本机关依照《条例》的规定决定是否公开");
            case FEE_NOTICE -> assertThat(pdf).contains("按量计收").contains("人民币300.00元（大写：叁佰元整）")
                    .contains("20个工作日内（即2026年4月15日前）").contains("通过非税收入缴款码缴纳").contains("第三条、第五条");
            case DEFERRAL_NOTICE -> assertThat(pdf).contains("第三十五条").contains("2026年6月30日前作出答复")
                    .contains("申请数量明显超过合理范围，需分批检索");
            case ANSWER -> assertThat(pdf).contains("第三十六条第（二）项").contains("行政复议").contains("行政诉讼");
        }
    }

    @Test
    void anotherAgencyConsultedIsToldThatSilenceMeansConsent() throws Exception {
        NoticeContent c = content(DocumentKind.CONSULTATION_LETTER, everyStep(OutcomeCategory.DISCLOSED), "c-agency");
        Both both = render(c);
        saysEverySentence(both, c);
        assertThat(squeeze(both.pdf())).contains("中宁县财政局：").contains("第三十四条").contains("视为同意公开")
                .as("delivery not recorded: no date is guessed").contains("自收到本征求意见书之日起15个工作日内向本机关");
    }

    @ParameterizedTest
    @EnumSource(OutcomeCategory.class)
    void everyOutcomeCitesItsArticleAndStatesTheRemedies(OutcomeCategory outcome) throws Exception {
        DocumentFacts f = everyStep(outcome);
        NoticeContent c = content(DocumentKind.ANSWER, f, null);
        Both both = render(c);
        saysEverySentence(both, c);
        String pdf = squeeze(both.pdf());
        assertThat(pdf).contains(AnswerWording.citation(outcome))
                .contains("60日内向中宁县人民政府申请行政复议")
                .contains("向中宁县人民法院提起行政诉讼")
                .contains("宁夏中宁县宁安大街1号");
        boolean withholds = outcome.group() == OutcomeCategory.OutcomeGroup.WITHHELD && outcome != OutcomeCategory.WITHHELD_ADMIN_QUERY
                || outcome == OutcomeCategory.PARTIALLY_DISCLOSED;
        if (withholds) {
            assertThat(pdf).as("answered in 2026: reconsideration first (行政复议法第二十三条)").contains("应当先自收到本答复书之日起60日内")
                    .contains("第二十三条第一款第（四）项").contains("自收到行政复议决定书之日起15日内");
        }
        if (!withholds || outcome == OutcomeCategory.PARTIALLY_DISCLOSED) {
            assertThat(pdf).contains("自收到本答复书之日起6个月内向中宁县人民法院提起行政诉讼");
        }
    }

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void oldEventsWithoutTheNewFactsPrintThemAsNotRecorded(DocumentKind kind) throws Exception {
        DocumentFacts f = everyStepWithoutNewFacts(OutcomeCategory.PARTIALLY_DISCLOSED);
        if (kind == DocumentKind.DEFERRAL_NOTICE) {
            return;
        }
        NoticeContent c = content(kind, f, kind == DocumentKind.CONSULTATION_LETTER ? "c-third" : null);
        Both both = render(c);
        saysEverySentence(both, c);
        String pdf = squeeze(both.pdf());
        if (kind != DocumentKind.CONSULTATION_LETTER) {
            assertThat(pdf).contains("宁夏某某科技有限公司：");
        }
        switch (kind) {
            case EXTENSION_NOTICE -> assertThat(pdf).contains("批准人：（未登记）");
            case FEE_NOTICE -> assertThat(pdf).contains("计收方式：（未登记）").contains("自收到本通知书之日起20个工作日内缴纳");
            case RECEIPT -> assertThat(pdf).contains("获取信息方式：（未登记）").contains("贵单位");
            case ANSWER -> assertThat(pdf).contains("理由如下：（未登记）").contains("本答复中不予公开的部分");
            default -> { }
        }
    }

    @Test
    void anAnswerGivenBefore2024LeavesTheChoiceOfRemedyToTheApplicant() throws Exception {
        DocumentFacts f = NoticeFixtures.with(NoticeFixtures.received(null, cn.opengov.tracker.api.request.ApplicantType.NATURAL_PERSON),
                new cn.opengov.tracker.api.request.event.RequestAnswered(NoticeFixtures.ID, NoticeFixtures.d("2023-12-29"),
                        OutcomeCategory.WITHHELD_STATE_SECRET, null));
        f = f.apply(new cn.opengov.tracker.api.request.event.ReceiptDateCorrected(NoticeFixtures.ID, NoticeFixtures.d("2026-03-02"),
                NoticeFixtures.d("2023-12-01"), "录入错误"), f.version() + 1);
        NoticeContent c = content(DocumentKind.ANSWER, f, null);
        assertThat(squeeze(render(c).pdf())).contains("《中华人民共和国行政复议法》第九条第一款")
                .contains("也可以自收到本答复书之日起6个月内").doesNotContain("应当先");
    }

    @Test
    void theSameContentRendersTheSameBytes() throws Exception {
        NoticeContent c = content(DocumentKind.RECEIPT, everyStep(OutcomeCategory.DISCLOSED), null);
        byte[] first = render(c).rendered().pdf();
        Thread.sleep(1100); // a clock in the file would show
        assertThat(render(c).rendered().pdf()).isEqualTo(first);
    }

    @Test
    void everyOfferedNoticeOfARequestWithEveryStepRenders() throws Exception {
        DocumentFacts f = everyStep(OutcomeCategory.UNABLE_NOT_HELD);
        for (DocumentPolicy.Offer offer : DocumentPolicy.offers(f)) {
            assertThat(render(content(offer.kind(), f, offer.subjectId())).rendered().pdf()).isNotEmpty();
        }
        assertThat(LETTERHEAD.namesRemedies()).isTrue();
    }
}

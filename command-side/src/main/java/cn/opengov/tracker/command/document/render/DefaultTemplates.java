package cn.opengov.tracker.command.document.render;

import cn.opengov.tracker.api.document.DocumentKind;
import cn.opengov.tracker.command.document.wording.Placeholder;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;

/**
 * The built-in template of each kind, in the official layout of GB/T 9704-2012 scaled to a notice: A4, margins
 * 37/26/35/28 mm, the title in 2号 (22 pt) 方正小标宋简体 centred, the number under it, the addressee, the body in
 * 3号 (16 pt) 仿宋_GB2312 with a two-character indent on a 28 pt line, and the agency and the date at the foot.
 * Built once with POI and kept as bytes; an agency may replace any of them with its own (see {@link TemplateCheck}).
 */
public final class DefaultTemplates {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    private static final int TWIPS_PER_MM = 1440 * 10 / 254;

    private static final Map<DocumentKind, byte[]> BUILT = new EnumMap<>(DocumentKind.class);

    private DefaultTemplates() {
    }

    public static synchronized byte[] of(DocumentKind kind) {
        return BUILT.computeIfAbsent(kind, DefaultTemplates::build).clone();
    }

    private static byte[] build(DocumentKind kind) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            line(doc, Placeholder.AGENCY.written(), ParagraphAlignment.CENTER, 22, TITLE_FONT, 0, 0);
            line(doc, Placeholder.TITLE.written(), ParagraphAlignment.CENTER, 22, TITLE_FONT, 0, 0);
            line(doc, Placeholder.NUMBER.written(), ParagraphAlignment.CENTER, 16, BODY_FONT, 0, 0);
            line(doc, "", ParagraphAlignment.LEFT, 16, BODY_FONT, 0, 0);
            line(doc, Placeholder.ADDRESSEE.written(), ParagraphAlignment.LEFT, 16, BODY_FONT, 0, 0);
            line(doc, Placeholder.BODY.written(), ParagraphAlignment.BOTH, 16, BODY_FONT, 640, 0);
            if (kind == DocumentKind.ANSWER) {
                line(doc, Placeholder.REMEDIES.written(), ParagraphAlignment.BOTH, 16, BODY_FONT, 640, 0);
            }
            line(doc, "", ParagraphAlignment.LEFT, 16, BODY_FONT, 0, 0);
            line(doc, Placeholder.AGENCY.written(), ParagraphAlignment.RIGHT, 16, BODY_FONT, 0, 640);
            line(doc, Placeholder.DATE.written(), ParagraphAlignment.RIGHT, 16, BODY_FONT, 0, 640);
            line(doc, "", ParagraphAlignment.LEFT, 16, BODY_FONT, 0, 0);
            line(doc, Placeholder.CONTACT.written(), ParagraphAlignment.LEFT, 14, BODY_FONT, 560, 0);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(37L * TWIPS_PER_MM));
        margins.setBottom(BigInteger.valueOf(35L * TWIPS_PER_MM));
        margins.setLeft(BigInteger.valueOf(28L * TWIPS_PER_MM));
        margins.setRight(BigInteger.valueOf(26L * TWIPS_PER_MM));
    }

    /** One paragraph; indents in twips (640 = two characters of 16 pt). */
    private static void line(XWPFDocument doc, String text, ParagraphAlignment alignment, int points, String font,
                             int firstLineIndent, int rightIndent) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        if (firstLineIndent > 0) {
            p.setIndentationFirstLine(firstLineIndent);
        }
        if (rightIndent > 0) {
            p.setIndentationRight(rightIndent);
        }
        XWPFRun run = p.createRun();
        run.setFontFamily(font);
        run.setFontSize(points);
        run.setText(text);
    }
}

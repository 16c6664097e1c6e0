package cn.opengov.tracker.command.document.render;

import cn.opengov.tracker.command.document.wording.NoticeContent;
import cn.opengov.tracker.command.document.wording.Placeholder;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * One notice in both forms: the template filled with its words is the editable .docx, and that same filled
 * document, converted to XHTML, is the PDF — so the two can never say different things.
 */
public final class NoticeRenderer {

    private final PdfWriter pdf;

    public NoticeRenderer(PdfWriter pdf) {
        this.pdf = pdf;
    }

    /** The two files of a notice and their SHA-256 (hex). */
    public record Rendered(byte[] docx, byte[] pdf, String docxSha256, String pdfSha256, String xhtml) {
    }

    public Rendered render(byte[] template, NoticeContent content, LocalDate datedOn) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(template));
             ByteArrayOutputStream docx = new ByteArrayOutputStream(32 * 1024)) {
            DocxFiller.fill(doc, content);
            String title = content.kind().title() + " " + content.text(Placeholder.NUMBER);
            doc.getProperties().getCoreProperties().setTitle(title);
            doc.getProperties().getCoreProperties().setCreator(content.text(Placeholder.AGENCY));
            String xhtml = DocxToXhtml.convert(doc, title);
            doc.write(docx);
            byte[] pdfBytes = pdf.write(xhtml, new PdfWriter.Meta(title, content.text(Placeholder.AGENCY),
                    content.kind().title(), datedOn));
            byte[] docxBytes = docx.toByteArray();
            return new Rendered(docxBytes, pdfBytes, sha256(docxBytes), sha256(pdfBytes), xhtml);
        } catch (IOException e) {
            throw new UncheckedIOException("文书生成失败", e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

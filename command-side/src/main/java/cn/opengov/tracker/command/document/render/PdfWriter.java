package cn.opengov.tracker.command.document.render;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * XHTML to an A4 PDF with openhtmltopdf (PDFBox), the Chinese text in a TrueType font from Debian's packages,
 * embedded as a subset. The first font file found of {@code fonts} is used ("path" or "path#name" for a font inside
 * a .ttc), so nothing is fetched at run time. Parsing a CJK font takes half a second, so each is parsed once and
 * kept in a small pool: a parsed font is not safe for two documents at once, each render borrows one. The PDF's
 * metadata and file identifier derive from its content and date, so the same content gives the same bytes.
 */
public final class PdfWriter {

    /** Debian's fonts-arphic-uming (a 明体/宋体 face, nearest to the 公文 fonts), then two fallbacks. */
    public static final String DEFAULT_FONTS = "/usr/share/fonts/truetype/arphic/uming.ttc#UMingCN,"
            + "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc#WenQuanYiMicroHei,"
            + "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final String fonts;
    private final String fontFile;
    private final String fontName;
    private final BlockingQueue<TrueTypeFont> pool;
    private final int poolSize;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private int created;

    public PdfWriter(String fonts, int poolSize) {
        String chosen = null;
        for (String candidate : fonts.split(",")) {
            String path = candidate.strip().split("#", 2)[0];
            if (!path.isEmpty() && new File(path).canRead()) {
                chosen = candidate.strip();
                break;
            }
        }
        String[] parts = chosen == null ? new String[] {null} : chosen.split("#", 2);
        this.fonts = fonts;
        this.fontFile = parts[0];
        this.fontName = parts.length > 1 ? parts[1] : null;
        this.poolSize = poolSize;
        this.pool = new ArrayBlockingQueue<>(poolSize);
    }

    /** The font file in use, or empty when none of the configured ones is installed. */
    public java.util.Optional<String> fontFile() {
        return java.util.Optional.ofNullable(fontFile);
    }

    /** No Chinese font to embed: the server lacks a package, nothing the client sent is wrong. */
    public static final class FontMissing extends IllegalStateException {
        FontMissing(String fonts) {
            super("服务器未安装可嵌入PDF的中文字体（" + fonts + "），无法生成PDF：请安装 Debian 的 fonts-arphic-uming");
        }
    }

    /** Metadata of a notice's PDF. */
    public record Meta(String title, String author, String subject, LocalDate datedOn) {
    }

    public byte[] write(String xhtml, Meta meta) {
        TrueTypeFont font = borrow();
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(doc);
            builder.useFont(new PDFontSupplier(PDType0Font.load(doc, font, true)), DocxToXhtml.FONT_FAMILY);
            builder.withHtmlContent(xhtml, null);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFKeepOpen();
            }
            // after the renderer, which stamps its own producer and the time of day
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(meta.title());
            info.setAuthor(meta.author());
            info.setSubject(meta.subject());
            info.setCreator("依申请公开案件管理");
            info.setProducer("openhtmltopdf, Apache PDFBox");
            Calendar dated = GregorianCalendar.from(meta.datedOn().atStartOfDay(CHINA));
            dated.setTimeZone(TimeZone.getTimeZone(CHINA));
            info.setCreationDate(dated);
            info.setModificationDate(dated);
            doc.setDocumentInformation(info);
            doc.setDocumentId(stableId(xhtml, meta));
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF 生成失败", e);
        } finally {
            pool.offer(font);
        }
    }

    private TrueTypeFont borrow() {
        if (fontFile == null) {
            throw new FontMissing(fonts);
        }
        TrueTypeFont font = pool.poll();
        if (font != null) {
            return font;
        }
        synchronized (this) {
            if (created < poolSize) {
                created++;
                return load();
            }
        }
        try {
            return pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a font", e);
        }
    }

    private synchronized TrueTypeFont load() {
        try {
            if (fontFile.toLowerCase().endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(new File(fontFile));
                opened.add(collection);
                TrueTypeFont font = fontName == null ? null : collection.getFontByName(fontName);
                if (font == null) {
                    List<TrueTypeFont> all = new ArrayList<>();
                    collection.processAllFonts(all::add);
                    font = all.get(0);
                }
                return font;
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(new File(fontFile)));
            opened.add(font);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取字体 " + fontFile, e);
        }
    }

    private static long stableId(String xhtml, Meta meta) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(xhtml.getBytes(StandardCharsets.UTF_8));
            sha.update(meta.datedOn().toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

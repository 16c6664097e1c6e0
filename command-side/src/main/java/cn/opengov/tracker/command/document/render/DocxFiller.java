package cn.opengov.tracker.command.document.render;

import cn.opengov.tracker.command.document.wording.NoticeContent;
import cn.opengov.tracker.command.document.wording.Placeholder;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template's {@code {{名称}}} placeholders with a notice's words, keeping the template's formatting: a
 * placeholder that Word split over several runs is found across them and written into the first, in its style.
 * A placeholder alone in its paragraph becomes one paragraph per value, each a copy of that paragraph's format
 * (so {@code {{正文}}} gives the body its indent and spacing); with no value such a paragraph is dropped.
 */
public final class DocxFiller {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");

    private DocxFiller() {
    }

    public static void fill(XWPFDocument doc, NoticeContent content) {
        forEachBody(doc, body -> {
            for (XWPFParagraph p : new ArrayList<>(body.getParagraphs())) {
                fill(body, p, content);
            }
        });
    }

    /** Every place paragraphs live: the body, table cells at any depth, headers and footers. */
    static void forEachBody(XWPFDocument doc, Consumer<IBody> action) {
        bodies(doc, action);
        for (XWPFHeader h : doc.getHeaderList()) {
            bodies(h, action);
        }
        for (XWPFFooter f : doc.getFooterList()) {
            bodies(f, action);
        }
    }

    private static void bodies(IBody body, Consumer<IBody> action) {
        action.accept(body);
        for (XWPFTable table : new ArrayList<>(body.getTables())) {
            for (XWPFTableRow row : table.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    bodies(cell, action);
                }
            }
        }
    }

    private static void fill(IBody body, XWPFParagraph p, NoticeContent content) {
        String text = text(p);
        if (!text.contains("{{")) {
            return;
        }
        Matcher whole = PLACEHOLDER.matcher(text.strip());
        if (whole.matches()) {
            List<String> values = Placeholder.byToken(whole.group(1)).map(content::paragraphs).orElse(List.of());
            if (values.size() != 1) {
                expand(body, p, values);
                return;
            }
        }
        replaceInline(p, content);
    }

    /** The paragraph becomes one copy of itself per value, or disappears when there is none. */
    private static void expand(IBody body, XWPFParagraph p, List<String> values) {
        CTRPr style = p.getRuns().stream().filter(r -> !r.text().isBlank()).findFirst()
                .map(r -> r.getCTR().getRPr()).orElse(null);
        for (String value : values) {
            XmlCursor cursor = p.getCTP().newCursor();
            XWPFParagraph copy = body.insertNewParagraph(cursor);
            cursor.dispose();
            if (copy == null) {
                continue;
            }
            CTPPr pPr = p.getCTP().getPPr();
            if (pPr != null) {
                copy.getCTP().setPPr((CTPPr) pPr.copy());
            }
            XWPFRun run = copy.createRun();
            if (style != null) {
                run.getCTR().setRPr((CTRPr) style.copy());
            }
            setText(run, value);
        }
        remove(body, p);
    }

    private static void remove(IBody body, XWPFParagraph p) {
        if (body instanceof XWPFDocument doc) {
            doc.removeBodyElement(doc.getPosOfParagraph(p));
        } else if (body instanceof XWPFTableCell cell) {
            cell.removeParagraph(cell.getParagraphs().indexOf(p));
        } else if (body instanceof XWPFHeader h) {
            h.removeParagraph(p);
        } else if (body instanceof XWPFFooter f) {
            f.removeParagraph(p);
        }
    }

    /** Replaces every placeholder in the paragraph's runs, last first, so the offsets of the earlier stay valid. */
    private static void replaceInline(XWPFParagraph p, NoticeContent content) {
        List<XWPFRun> runs = p.getRuns();
        List<String> texts = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        int[] starts = new int[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            starts[i] = all.length();
            String t = runs.get(i).text();
            texts.add(t);
            all.append(t);
        }
        List<int[]> found = new ArrayList<>();
        List<String> values = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(all);
        while (m.find()) {
            found.add(new int[] {m.start(), m.end()});
            values.add(Placeholder.byToken(m.group(1)).map(content::text).orElse(""));
        }
        for (int k = found.size() - 1; k >= 0; k--) {
            int start = found.get(k)[0];
            int end = found.get(k)[1];
            int first = runAt(starts, start);
            int last = runAt(starts, end - 1);
            String head = texts.get(first).substring(0, start - starts[first]);
            String tail = texts.get(last).substring(end - starts[last]);
            if (first == last) {
                texts.set(first, head + values.get(k) + tail);
            } else {
                texts.set(first, head + values.get(k));
                for (int i = first + 1; i < last; i++) {
                    texts.set(i, "");
                }
                texts.set(last, tail);
            }
        }
        for (int i = 0; i < runs.size(); i++) {
            if (!texts.get(i).equals(runs.get(i).text())) {
                setText(runs.get(i), texts.get(i));
            }
        }
    }

    private static int runAt(int[] starts, int offset) {
        int run = 0;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] <= offset) {
                run = i;
            }
        }
        return run;
    }

    /** The run's text replaced, line breaks and tabs kept as Word's own. */
    static void setText(XWPFRun run, String text) {
        CTR r = run.getCTR();
        while (r.sizeOfTArray() > 0) {
            r.removeT(0);
        }
        while (r.sizeOfBrArray() > 0) {
            r.removeBr(0);
        }
        while (r.sizeOfTabArray() > 0) {
            r.removeTab(0);
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            String[] cells = lines[i].split("\t", -1);
            for (int j = 0; j < cells.length; j++) {
                if (j > 0) {
                    run.addTab();
                }
                if (!cells[j].isEmpty()) {
                    run.setText(cells[j]);
                }
            }
        }
    }

    static String text(XWPFParagraph p) {
        StringBuilder out = new StringBuilder();
        for (XWPFRun r : p.getRuns()) {
            out.append(r.text());
        }
        return out.toString();
    }
}

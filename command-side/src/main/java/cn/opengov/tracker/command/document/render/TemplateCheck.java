package cn.opengov.tracker.command.document.render;

import cn.opengov.tracker.api.document.DocumentKind;
import cn.opengov.tracker.command.document.wording.Placeholder;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Checks an agency's own template before it is kept: it must open as a .docx, hold only placeholders known for
 * its kind, and hold those the law's wording needs ({@link Placeholder#requiredFor}).
 */
public final class TemplateCheck {

    private TemplateCheck() {
    }

    /** What was wrong with a template: the placeholders not known, those missing, or that it is no .docx at all. */
    public record Problems(boolean unreadable, List<String> unknown, List<String> missing) {

        public boolean any() {
            return unreadable || !unknown.isEmpty() || !missing.isEmpty();
        }
    }

    public static Problems check(DocumentKind kind, byte[] docx) {
        Set<String> found;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            found = placeholders(doc);
        } catch (Exception | LinkageError notADocx) {
            return new Problems(true, List.of(), List.of());
        }
        List<String> known = Placeholder.of(kind).stream().map(Placeholder::token).toList();
        List<String> unknown = found.stream().filter(t -> !known.contains(t)).map(t -> "{{" + t + "}}").toList();
        List<String> missing = Placeholder.requiredFor(kind).stream().filter(p -> !found.contains(p.token()))
                .map(Placeholder::written).toList();
        return new Problems(false, unknown, missing);
    }

    /** The placeholder names a template holds, in order of appearance. */
    static Set<String> placeholders(XWPFDocument doc) {
        Set<String> found = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        DocxFiller.forEachBody(doc, body -> {
            for (XWPFParagraph p : body.getParagraphs()) {
                texts.add(DocxFiller.text(p));
            }
        });
        for (String text : texts) {
            Matcher m = DocxFiller.PLACEHOLDER.matcher(text);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }
}

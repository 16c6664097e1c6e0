package cn.opengov.tracker.command.document.web;

import cn.opengov.tracker.api.document.DocumentKind;
import cn.opengov.tracker.command.document.Templates;
import cn.opengov.tracker.command.document.render.NoticeRenderer;
import cn.opengov.tracker.command.document.render.TemplateCheck;
import cn.opengov.tracker.command.document.wording.Placeholder;
import cn.opengov.tracker.platform.directory.Agency;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.security.AgencyScope;
import cn.opengov.tracker.platform.web.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * An agency's own notice templates (administrators): {@code PUT /api/agencies/{code}/templates/{kind}} with the
 * .docx as the body replaces the kind's template after checking its {@code {{名称}}} placeholders; {@code GET …/{kind}.docx}
 * downloads the template in force (to start from); {@code DELETE} goes back to the inherited or built-in one;
 * {@code GET …/templates} lists each kind's template and its placeholders. Not in API.md: additions.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class TemplateController {

    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final Templates templates;
    private final AgencyDirectory agencies;
    private final AgencyScope scope;

    public TemplateController(Templates templates, AgencyDirectory agencies, AgencyScope scope) {
        this.templates = templates;
        this.agencies = agencies;
        this.scope = scope;
    }

    /** A placeholder as listed to an administrator. */
    public record PlaceholderInfo(String placeholder, String description, boolean required) {
    }

    /** A kind's template: where it comes from (AGENCY, INHERITED or BUILT_IN) and what it may hold. */
    public record TemplateInfo(DocumentKind kind, String title, String source, String fromAgency,
                               List<PlaceholderInfo> placeholders) {
    }

    @GetMapping("/api/agencies/{code}/templates")
    public List<TemplateInfo> list(@PathVariable String code) {
        Agency agency = agency(code);
        return Arrays.stream(DocumentKind.values()).map(kind -> info(agency, kind)).toList();
    }

    @PutMapping("/api/agencies/{code}/templates/{kind}")
    public TemplateInfo upload(@PathVariable String code, @PathVariable DocumentKind kind, @RequestBody byte[] docx) {
        Agency agency = agency(code);
        TemplateCheck.Problems problems = TemplateCheck.check(kind, docx);
        if (problems.any()) {
            throw new TemplateRefused(kind, problems);
        }
        templates.save(agency.code(), kind, docx, scope.currentUser().username());
        return info(agency, kind);
    }

    @GetMapping("/api/agencies/{code}/templates/{kind}.docx")
    public ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable DocumentKind kind) {
        Templates.Template t = templates.inForce(agency(code), kind);
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(kind.label() + "模板.docx", StandardCharsets.UTF_8).build().toString())
                .header("X-Template-Source", t.agencyCode() == null ? "BUILT_IN" : t.agencyCode())
                .eTag("\"" + NoticeRenderer.sha256(t.docx()) + "\"")
                .body(t.docx());
    }

    @DeleteMapping("/api/agencies/{code}/templates/{kind}")
    public TemplateInfo remove(@PathVariable String code, @PathVariable DocumentKind kind) {
        Agency agency = agency(code);
        templates.remove(agency.code(), kind);
        return info(agency, kind);
    }

    private Agency agency(String code) {
        scope.requireWithin(code);
        return agencies.require(code);
    }

    private TemplateInfo info(Agency agency, DocumentKind kind) {
        Templates.Template t = templates.inForce(agency, kind);
        String source = t.agencyCode() == null ? "BUILT_IN" : t.agencyCode().equals(agency.code()) ? "AGENCY" : "INHERITED";
        return new TemplateInfo(kind, kind.title(), source, t.agencyCode(), known(kind));
    }

    static List<PlaceholderInfo> known(DocumentKind kind) {
        List<Placeholder> required = Placeholder.requiredFor(kind);
        return Placeholder.of(kind).stream()
                .map(p -> new PlaceholderInfo(p.written(), p.description(), required.contains(p))).toList();
    }

    /** 400 with the placeholders not known, those missing, and every one a template of the kind may hold. */
    @ExceptionHandler(TemplateRefused.class)
    ResponseEntity<Object> refused(TemplateRefused e) {
        TemplateCheck.Problems p = e.problems;
        String detail;
        if (p.unreadable()) {
            detail = "上传的文件不是有效的 .docx 文档（请用 Word 或 WPS 另存为 .docx）";
        } else {
            StringBuilder s = new StringBuilder();
            if (!p.unknown().isEmpty()) {
                s.append("模板含有不认识的占位符：").append(String.join("、", p.unknown())).append("。");
            }
            if (!p.missing().isEmpty()) {
                s.append(e.kind.label()).append("模板必须含有：").append(String.join("、", p.missing())).append("。");
            }
            s.append("可用的占位符：").append(String.join("、", known(e.kind).stream().map(PlaceholderInfo::placeholder).toList()));
            detail = s.toString();
        }
        ProblemDetail problem = Problems.withErrors(HttpStatus.BAD_REQUEST, detail, List.of(new Problems.FieldError("file", detail)));
        problem.setProperty("code", "TEMPLATE_INVALID");
        problem.setProperty("unknownPlaceholders", p.unknown());
        problem.setProperty("missingPlaceholders", p.missing());
        problem.setProperty("knownPlaceholders", known(e.kind));
        return Problems.entity(problem);
    }

    static final class TemplateRefused extends RuntimeException {
        final DocumentKind kind;
        final TemplateCheck.Problems problems;

        TemplateRefused(DocumentKind kind, TemplateCheck.Problems problems) {
            super("template refused", null, false, false);
            this.kind = kind;
            this.problems = problems;
        }
    }
}

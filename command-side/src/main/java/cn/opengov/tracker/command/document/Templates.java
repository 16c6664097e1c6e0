package cn.opengov.tracker.command.document;

import cn.opengov.tracker.api.document.DocumentKind;
import cn.opengov.tracker.command.document.render.DefaultTemplates;
import cn.opengov.tracker.command.document.render.NoticeRenderer;
import cn.opengov.tracker.platform.directory.Agency;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/**
 * The template a notice is filled into: the agency's own for its kind, else the nearest ancestor agency's (a
 * county's templates serve its departments), else the built-in one.
 */
@Component
public class Templates {

    private final JdbcTemplate jdbc;

    public Templates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A template and where it comes from: {@code agencyCode} null for the built-in one. */
    public record Template(byte[] docx, String agencyCode) {
    }

    public Template inForce(Agency agency, DocumentKind kind) {
        List<String> lineage = Arrays.stream(agency.path().split("/")).filter(s -> !s.isEmpty()).toList();
        List<Template> own = jdbc.query("""
                SELECT docx, agency_code FROM document_template WHERE kind = ? AND agency_code = ANY(?)""",
                (rs, i) -> new Template(rs.getBytes(1), rs.getString(2)), kind.name(), lineage.toArray(String[]::new));
        for (int i = lineage.size() - 1; i >= 0; i--) {
            String code = lineage.get(i);
            for (Template t : own) {
                if (t.agencyCode().equals(code)) {
                    return t;
                }
            }
        }
        return new Template(DefaultTemplates.of(kind), null);
    }

    public void save(String agencyCode, DocumentKind kind, byte[] docx, String by) {
        jdbc.update("""
                INSERT INTO document_template (agency_code, kind, docx, sha256, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, now(), ?)
                ON CONFLICT (agency_code, kind) DO UPDATE SET docx = EXCLUDED.docx, sha256 = EXCLUDED.sha256,
                    uploaded_at = now(), uploaded_by = EXCLUDED.uploaded_by""",
                agencyCode, kind.name(), docx, NoticeRenderer.sha256(docx), by);
    }

    /** @return whether the agency had a template of its own to remove */
    public boolean remove(String agencyCode, DocumentKind kind) {
        return jdbc.update("DELETE FROM document_template WHERE agency_code = ? AND kind = ?", agencyCode, kind.name()) > 0;
    }
}

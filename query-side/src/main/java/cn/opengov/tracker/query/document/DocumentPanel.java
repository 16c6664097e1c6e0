package cn.opengov.tracker.query.document;

import cn.opengov.tracker.api.document.DocumentPolicy;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;
import cn.opengov.tracker.platform.security.AgencyScope;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * The case page's 文书 panel ({@code templates/documents.html}, called as {@code @documentPanel}): the notices the
 * request's steps allow (生成) and those issued (下载 / 打印).
 */
@Component("documentPanel")
public class DocumentPanel {

    private final IssuedDocuments documents;
    private final AgencyScope scope;

    public DocumentPanel(IssuedDocuments documents, AgencyScope scope) {
        this.documents = documents;
        this.scope = scope;
    }

    /** What the panel shows. */
    public record Panel(List<DocumentPolicy.Offer> offers, List<IssuedDocuments.DocumentItem> issued, boolean letterheadSet) {
    }

    public Panel of(Object requestId) {
        UUID id = UUID.fromString(String.valueOf(requestId));
        IssuedDocuments.DocumentList list = documents.list(id, scope::canSee)
                .orElseThrow(() -> new RuleViolation(Rule.REQUEST_NOT_FOUND, id));
        return new Panel(list.offers(), list.items(), list.letterheadSet());
    }
}

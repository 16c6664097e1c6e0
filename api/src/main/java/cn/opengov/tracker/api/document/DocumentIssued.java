package cn.opengov.tracker.api.document;

import cn.opengov.tracker.api.request.event.RequestEvent;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A written notice was issued (SPEC §2b): its number, taken gap-free per agency, kind and year, and the SHA-256
 * of the PDF ({@code sha256}) and of the .docx kept byte for byte, so that every later download can be proved to
 * be the document issued. {@code datedOn} is the date printed at its foot: the date of the step it tells of.
 * {@code subjectId} names the consultation a 征求意见书 is for (null for the other kinds); {@code supersedes} the
 * earlier document of the same kind and subject that this one re-issues after a correction (null the first time).
 */
public record DocumentIssued(UUID requestId, UUID documentId, DocumentKind kind, String number, String sha256,
                             String docxSha256, LocalDate datedOn, String subjectId, UUID supersedes)
        implements RequestEvent {

    @Override
    public String label() {
        return "出具" + kind.label();
    }

    @Override
    public LocalDate occurredOn() {
        return datedOn;
    }
}

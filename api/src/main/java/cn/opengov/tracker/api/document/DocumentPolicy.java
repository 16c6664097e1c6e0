package cn.opengov.tracker.api.document;

import cn.opengov.tracker.api.deadline.RuleSet;

import cn.opengov.tracker.api.document.DocumentFacts.Consultation;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which notice may be issued when: each tells of a step, so the step must be recorded first, and a notice's date
 * is the date of that step (a receipt is dated the day the request was received, an answer the day it was
 * answered), however late the clerk prints it. The command side refuses with these rules; the case page offers
 * exactly what they allow.
 */
public final class DocumentPolicy {

    private DocumentPolicy() {
    }

    /** What a notice is about: its date and, for a 征求意见书, the consultation. */
    public record Subject(DocumentKind kind, LocalDate datedOn, String subjectId) {
    }

    /** A notice the case page can offer: its kind, the consultation it is for (or null), and a label. */
    public record Offer(DocumentKind kind, String subjectId, String label) {
    }

    /**
     * The subject of a notice of {@code kind}, or a refusal when the step it tells of has not been recorded.
     *
     * @param consultationId for a 征求意见书, which consultation; null for the latest one
     */
    public static Subject subject(DocumentKind kind, DocumentFacts f, String consultationId) {
        if (RuleSet.forReceipt(f.receivedOn()) == RuleSet.R2007) {
            throw new RuleViolation(Rule.DOCUMENT_RULES_2007, f.receivedOn(), kind.label());
        }
        return switch (kind) {
            case RECEIPT -> new Subject(kind, f.receivedOn(), null);
            case CORRECTION_NOTICE -> {
                if (f.correctionNotice() == null) {
                    throw new RuleViolation(Rule.DOCUMENT_NEEDS_CORRECTION_NOTICE);
                }
                yield new Subject(kind, f.correctionNotice().noticeOn(), null);
            }
            case EXTENSION_NOTICE -> {
                if (f.extension() == null) {
                    throw new RuleViolation(Rule.DOCUMENT_NEEDS_EXTENSION);
                }
                yield new Subject(kind, f.extension().approvedOn(), null);
            }
            case CONSULTATION_LETTER -> {
                Consultation c = consultationId == null
                        ? f.consultations().stream().max(Comparator.comparing(Consultation::sentOn)).orElseThrow(
                                () -> new RuleViolation(Rule.DOCUMENT_NEEDS_CONSULTATION))
                        : f.consultation(consultationId).orElseThrow(
                                () -> new RuleViolation(Rule.CONSULTATION_NOT_FOUND, consultationId));
                yield new Subject(kind, c.sentOn(), c.consultationId());
            }
            case FEE_NOTICE -> {
                if (f.feeNotice() == null) {
                    throw new RuleViolation(Rule.DOCUMENT_NEEDS_FEE_NOTICE);
                }
                yield new Subject(kind, f.feeNotice().noticeOn(), null);
            }
            case DEFERRAL_NOTICE -> {
                if (f.deferral() == null) {
                    throw new RuleViolation(Rule.DOCUMENT_NEEDS_DEFERRAL);
                }
                yield new Subject(kind, f.deferral().decidedOn(), null);
            }
            case ANSWER -> {
                if (f.answer() == null) {
                    throw new RuleViolation(Rule.DOCUMENT_NEEDS_ANSWER);
                }
                yield new Subject(kind, f.answer().answeredOn(), null);
            }
        };
    }

    /** Every notice the request's recorded steps allow, in the order the steps come: what the case page offers. */
    public static List<Offer> offers(DocumentFacts f) {
        List<Offer> offers = new ArrayList<>();
        if (RuleSet.forReceipt(f.receivedOn()) == RuleSet.R2007) {
            return offers;
        }
        offers.add(new Offer(DocumentKind.RECEIPT, null, DocumentKind.RECEIPT.label()));
        if (f.correctionNotice() != null) {
            offers.add(new Offer(DocumentKind.CORRECTION_NOTICE, null, DocumentKind.CORRECTION_NOTICE.label()));
        }
        if (f.extension() != null) {
            offers.add(new Offer(DocumentKind.EXTENSION_NOTICE, null, DocumentKind.EXTENSION_NOTICE.label()));
        }
        for (Consultation c : f.consultations()) {
            offers.add(new Offer(DocumentKind.CONSULTATION_LETTER, c.consultationId(),
                    DocumentKind.CONSULTATION_LETTER.label() + "（" + c.party() + "）"));
        }
        if (f.feeNotice() != null) {
            offers.add(new Offer(DocumentKind.FEE_NOTICE, null, DocumentKind.FEE_NOTICE.label()));
        }
        if (f.deferral() != null) {
            offers.add(new Offer(DocumentKind.DEFERRAL_NOTICE, null, DocumentKind.DEFERRAL_NOTICE.label()));
        }
        if (f.answer() != null) {
            offers.add(new Offer(DocumentKind.ANSWER, null, DocumentKind.ANSWER.label()));
        }
        return offers;
    }
}

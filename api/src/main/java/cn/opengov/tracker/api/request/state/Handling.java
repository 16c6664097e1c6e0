package cn.opengov.tracker.api.request.state;

import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.api.request.event.AnswerDeferred;
import cn.opengov.tracker.api.request.event.ConsultationStarted;
import cn.opengov.tracker.api.request.event.DeadlineExtended;
import cn.opengov.tracker.api.request.event.FeeNoticeIssued;
import cn.opengov.tracker.api.request.event.RequestAssigned;
import cn.opengov.tracker.api.request.event.RequestEvent;
import cn.opengov.tracker.api.request.event.RequestReceived;

import java.util.ArrayList;
import java.util.List;

/**
 * What the steps of SPEC §2b record beyond the deadlines and the annual tables: the form the applicant asked the
 * information in, the 承办人, who approved the extension, whom each consultation asked, the fee notice's amount and
 * basis, a deferred answer. Carried by the fold for the features that use them; nothing is decided on them yet.
 */
public record Handling(DeliveryForm deliveryForm, String assignee, String extensionApprovedBy,
                       List<Consultation> consultations, FeeNotice feeNotice, Deferral deferral) {

    /** A request with nothing of the kind recorded (most requests). */
    public static final Handling NONE = new Handling(null, null, null, List.of(), null, null);

    public Handling {
        consultations = consultations == null ? List.of() : List.copyOf(consultations);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** After an event: the events that record none of it leave it as it is. */
    public Handling apply(RequestEvent event) {
        if (event instanceof RequestReceived e) {
            return new Handling(e.deliveryForm(), null, null, List.of(), null, null);
        } else if (event instanceof RequestAssigned e) {
            return new Handling(deliveryForm, e.assignee(), extensionApprovedBy, consultations, feeNotice, deferral);
        } else if (event instanceof DeadlineExtended e) {
            return new Handling(deliveryForm, assignee, e.approvedBy(), consultations, feeNotice, deferral);
        } else if (event instanceof ConsultationStarted e) {
            List<Consultation> more = new ArrayList<>(consultations);
            more.removeIf(c -> c.consultationId().equals(e.consultationId()));
            more.add(new Consultation(e.consultationId(), e.kind(), e.party(), e.deliveredOn()));
            return new Handling(deliveryForm, assignee, extensionApprovedBy, more, feeNotice, deferral);
        } else if (event instanceof FeeNoticeIssued e) {
            return new Handling(deliveryForm, assignee, extensionApprovedBy, consultations,
                    new FeeNotice(e.amountYuan(), e.deliveredOn(), e.basis()), deferral);
        } else if (event instanceof AnswerDeferred e) {
            return new Handling(deliveryForm, assignee, extensionApprovedBy, consultations, feeNotice,
                    new Deferral(e.decidedOn(), e.dueOn(), e.reason()));
        }
        return this;
    }

    /** The consultation with this id, or null. */
    public Consultation consultation(String consultationId) {
        return consultations.stream().filter(c -> c.consultationId().equals(consultationId)).findFirst().orElse(null);
    }
}

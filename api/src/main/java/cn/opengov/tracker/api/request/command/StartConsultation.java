package cn.opengov.tracker.api.request.command;

import cn.opengov.tracker.api.request.ConsultationKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Seek the opinion of a third party or another agency (条例第三十二条、第三十四条). {@code deliveredOn}: when the
 * letter reached them, if known; their 15 working days to reply run from it.
 */
public record StartConsultation(@TargetAggregateIdentifier UUID requestId, String consultationId, ConsultationKind kind,
                                String party, LocalDate sentOn, LocalDate deliveredOn) {

    public StartConsultation(UUID requestId, String consultationId, ConsultationKind kind, String party, LocalDate sentOn) {
        this(requestId, consultationId, kind, party, sentOn, null);
    }
}

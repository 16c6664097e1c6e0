package cn.opengov.tracker.api.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Record that a consultation ended. */
public record EndConsultation(@TargetAggregateIdentifier UUID requestId, String consultationId, LocalDate endedOn) {
}

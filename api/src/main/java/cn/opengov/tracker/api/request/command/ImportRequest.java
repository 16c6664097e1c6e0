package cn.opengov.tracker.api.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * A past request taken from a spreadsheet (bulk import): its receipt and the steps a clerk would have recorded
 * one by one, as the same commands, in one command so that a row is recorded whole or not at all. The steps are
 * null when the row has none. {@code closedThrough}: the agency's last closed year (a late entry into a closed year
 * is carried over as SPEC §4 says).
 */
public record ImportRequest(@TargetAggregateIdentifier UUID requestId, LogRequest receipt,
                            SendCorrectionNotice correctionNotice, ReceiveCorrection correctionReceived,
                            ExtendDeadline extension, AnswerRequest answer, Integer closedThrough) {
}

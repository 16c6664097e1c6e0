package cn.opengov.tracker.api.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Send the one-time 补正 notice (条例第三十条). */
public record SendCorrectionNotice(@TargetAggregateIdentifier UUID requestId, LocalDate noticeOn, String items, LocalDate applicantDueOn) {
}

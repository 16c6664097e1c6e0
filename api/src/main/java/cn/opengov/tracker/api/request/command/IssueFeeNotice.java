package cn.opengov.tracker.api.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Notify the applicant of an information processing fee (国办函〔2020〕109号). */
public record IssueFeeNotice(@TargetAggregateIdentifier UUID requestId, LocalDate noticeOn, BigDecimal amountYuan) {
}

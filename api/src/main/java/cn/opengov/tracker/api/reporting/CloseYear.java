package cn.opengov.tracker.api.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Close an agency's year (年度结转). Closing is cumulative: the year and every earlier year are closed, so that
 * what one year carries to the next is always what the next year receives as 二.
 */
public record CloseYear(@TargetAggregateIdentifier String agencyCode, int year) {
}

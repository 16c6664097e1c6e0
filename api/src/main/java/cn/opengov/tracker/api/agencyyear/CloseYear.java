package cn.opengov.tracker.api.agencyyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close an agency's year (年度结转): from now on its 四 is the list of carried-over requests. */
public record CloseYear(@TargetAggregateIdentifier String agencyYearId, String agencyCode, int year) {
}

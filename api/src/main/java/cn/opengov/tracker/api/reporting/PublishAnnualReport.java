package cn.opengov.tracker.api.reporting;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.report.ReviewLitigationTable;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Freeze the year's tables as they stand, to be published in the 年度报告. */
public record PublishAnnualReport(@TargetAggregateIdentifier String agencyCode, int year, boolean includeSubAgencies,
                                  AnnualTable table, ReviewLitigationTable reviewLitigation) {
}

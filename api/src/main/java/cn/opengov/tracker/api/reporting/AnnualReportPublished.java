package cn.opengov.tracker.api.reporting;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.report.ReviewLitigationTable;

/** The year's tables frozen as published; who and when travel in the event's metadata and timestamp. */
public record AnnualReportPublished(String agencyCode, int year, boolean includeSubAgencies, AnnualTable table,
                                    ReviewLitigationTable reviewLitigation) {
}

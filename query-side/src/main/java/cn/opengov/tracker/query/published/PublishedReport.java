package cn.opengov.tracker.query.published;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.report.ReviewLitigationTable;
import cn.opengov.tracker.api.request.CaseKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * GET /api/reports/{year}/published: the tables as frozen when published, by whom and when, and every cell where
 * the live tables now differ from them.
 */
public record PublishedReport(int year, String agencyCode, boolean includeSubAgencies, Instant publishedAt,
                              String publishedBy, String format, boolean balanced, Map<String, Map<String, Long>> rows,
                              ReviewLitigationTable reviewLitigation, List<AnnualTable.CellDifference> differences,
                              List<BlockDifference> reviewLitigationDifferences, boolean liveDiffers) {

    /** A cell of section 四 that differs: {@code published} as frozen, {@code live} as derived now. */
    public record BlockDifference(CaseKind block, String column, long published, long live) {
    }
}

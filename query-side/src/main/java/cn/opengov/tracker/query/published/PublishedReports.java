package cn.opengov.tracker.query.published;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.report.ReviewLitigationTable;
import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.query.annualmatrix.AnnualMatrixQueries;
import cn.opengov.tracker.query.projection.StateJson;
import cn.opengov.tracker.query.reviewlitigation.ReviewLitigationQueries;
import cn.opengov.tracker.query.replica.ReplicaReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.opengov.tracker.query.annualmatrix.export.OfficialLayout;
import cn.opengov.tracker.query.annualmatrix.export.ReportDocument;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The latest publication of an agency's (or agency tree's) year, beside the live tables (SPEC §4). */
@Component
public class PublishedReports {

    private final JdbcTemplate jdbc;
    private final AnnualMatrixQueries matrices;
    private final ReviewLitigationQueries reviewLitigation;

    public PublishedReports(ReplicaReads reads, AnnualMatrixQueries matrices, ReviewLitigationQueries reviewLitigation) {
        this.jdbc = reads.jdbc();
        this.matrices = matrices;
        this.reviewLitigation = reviewLitigation;
    }

    /** @param codes the agencies the publication covers, for the live tables; empty when it was never published */
    public Optional<PublishedReport> latest(int year, String agencyCode, boolean includeSubAgencies, List<String> codes) {
        return jdbc.query("""
                        SELECT published_at, published_by, matrix::text, review_litigation::text FROM published_report
                        WHERE agency_code = ? AND year = ? AND include_sub_agencies = ? ORDER BY published_at DESC, id DESC LIMIT 1""",
                (rs, i) -> new Frozen(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        StateJson.read(rs.getString(3), AnnualTable.class),
                        StateJson.read(rs.getString(4), ReviewLitigationTable.class)),
                agencyCode, year, includeSubAgencies).stream().findFirst().map(frozen -> {
                    AnnualTable live = matrices.matrix(year, codes).table();
                    ReviewLitigationTable liveFour = reviewLitigation.table(year, codes);
                    List<AnnualTable.CellDifference> differences = frozen.table().differencesFrom(live);
                    List<PublishedReport.BlockDifference> fourDifferences = sectionFourDifferences(frozen.four(), liveFour);
                    return new PublishedReport(year, agencyCode, includeSubAgencies, frozen.publishedAt(), frozen.publishedBy(),
                            frozen.table().format().code(), frozen.table().balanced(), frozen.table().rows(), frozen.four(),
                            differences, fourDifferences, !differences.isEmpty() || !fourDifferences.isEmpty());
                });
    }

    /** The tables exactly as frozen at the latest publication (for the published page and its download). */
    public Optional<FrozenTables> frozen(int year, String agencyCode, boolean includeSubAgencies) {
        return jdbc.query("""
                        SELECT published_at, published_by, matrix::text, review_litigation::text FROM published_report
                        WHERE agency_code = ? AND year = ? AND include_sub_agencies = ? ORDER BY published_at DESC, id DESC LIMIT 1""",
                (rs, i) -> new FrozenTables(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        StateJson.read(rs.getString(3), AnnualTable.class),
                        StateJson.read(rs.getString(4), ReviewLitigationTable.class)),
                agencyCode, year, includeSubAgencies).stream().findFirst();
    }

    /** The frozen tables as a document of the official layout, titled with when and by whom they were published. */
    public static ReportDocument document(String agencyName, int year, boolean includeSubAgencies, FrozenTables frozen) {
        String title = agencyName + (includeSubAgencies ? "（含下级机关）" : "") + " " + year + "年政府信息公开工作年度报告（已发布）";
        String note = "发布于 " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"))
                .format(frozen.publishedAt()) + "，发布人 " + frozen.publishedBy();
        return new ReportDocument(title, note, OfficialLayout.sectionThree(frozen.table()),
                OfficialLayout.sectionFour(frozen.four()), null);
    }

    /** Section 三 and 四 as published, by whom and when. */
    public record FrozenTables(Instant publishedAt, String publishedBy, AnnualTable table, ReviewLitigationTable four) {
    }

    private static List<PublishedReport.BlockDifference> sectionFourDifferences(ReviewLitigationTable published,
                                                                              ReviewLitigationTable live) {
        List<PublishedReport.BlockDifference> out = new ArrayList<>();
        for (CaseKind kind : CaseKind.values()) {
            for (String column : ReviewLitigationTable.COLUMNS) {
                long p = published.block(kind).getOrDefault(column, 0L);
                long l = live.block(kind).getOrDefault(column, 0L);
                if (p != l) {
                    out.add(new PublishedReport.BlockDifference(kind, column, p, l));
                }
            }
        }
        return out;
    }

    /** A row of published_report. */
    private record Frozen(Instant publishedAt, String publishedBy, AnnualTable table, ReviewLitigationTable four) {
    }
}

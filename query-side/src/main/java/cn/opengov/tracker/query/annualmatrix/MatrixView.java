package cn.opengov.tracker.query.annualmatrix;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.report.MatrixRow;
import cn.opengov.tracker.api.report.ReportFormat;
import cn.opengov.tracker.api.request.ApplicantType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /api/reports/{year}/matrix (API.md): section 三 with its layout ({@code format}), whether the year is closed
 * (else the table is provisional), whether it balances, and the official headings of its rows and columns.
 */
public record MatrixView(int year, String agencyCode, boolean includeSubAgencies, String format, boolean closed,
                         boolean provisional, boolean balanced, List<String> columns, Map<String, String> columnLabels,
                         Map<String, Map<String, Long>> rows, Map<String, String> rowLabels) {

    public static MatrixView of(int year, String agencyCode, boolean includeSubAgencies, AnnualMatrixQueries.Matrix m) {
        AnnualTable table = m.table();
        Map<String, String> columnLabels = new LinkedHashMap<>();
        for (ApplicantType type : ApplicantType.values()) {
            columnLabels.put(type.name(), table.format() == ReportFormat.F2019 ? type.label2019() : type.label());
        }
        columnLabels.put(MatrixRow.TOTAL, "总计");
        Map<String, String> rowLabels = new LinkedHashMap<>();
        MatrixRow.ALL.forEach(r -> rowLabels.put(r, MatrixRow.label(r)));
        return new MatrixView(year, agencyCode, includeSubAgencies, table.format().code(), m.closed(), !m.closed(),
                table.balanced(), Arrays.stream(ApplicantType.values()).map(Enum::name).toList(), columnLabels,
                table.rows(), rowLabels);
    }
}

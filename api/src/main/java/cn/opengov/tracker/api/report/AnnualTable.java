package cn.opengov.tracker.api.report;

import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.OutcomeCategory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The section 三 table of one agency (or agency tree) and year: {@code rows.get(row).get(column)}, every row of
 * {@link MatrixRow#ALL}, every applicant-type column plus {@code TOTAL}. Immutable.
 */
public record AnnualTable(int year, ReportFormat format, Map<String, Map<String, Long>> rows) {

    public AnnualTable {
        // kept in the table's order: the JSON of a frozen table reads like the table
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        rows.forEach((row, cells) -> copy.put(row, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells))));
        rows = java.util.Collections.unmodifiableMap(copy);
    }

    public long cell(String row, String column) {
        return rows.getOrDefault(row, Map.of()).getOrDefault(column, 0L);
    }

    /** 勾稽关系: for every column, 一 + 二 = 三(七) + 四. */
    public boolean balanced() {
        for (String column : columnsWithTotal()) {
            long in = cell(MatrixRow.NEW_RECEIVED, column) + cell(MatrixRow.CARRIED_FROM_PREVIOUS, column);
            long out = cell(MatrixRow.TOTAL_PROCESSED, column) + cell(MatrixRow.CARRIED_TO_NEXT, column);
            if (in != out) {
                return false;
            }
        }
        return true;
    }

    /** Every cell where {@code other} holds a different count. */
    public List<CellDifference> differencesFrom(AnnualTable other) {
        List<CellDifference> out = new ArrayList<>();
        for (String row : MatrixRow.ALL) {
            for (String column : columnsWithTotal()) {
                long mine = cell(row, column);
                long theirs = other.cell(row, column);
                if (mine != theirs) {
                    out.add(new CellDifference(row, column, mine, theirs));
                }
            }
        }
        return out;
    }

    public static List<String> columnsWithTotal() {
        List<String> columns = new ArrayList<>();
        for (ApplicantType type : ApplicantType.values()) {
            columns.add(type.name());
        }
        columns.add(MatrixRow.TOTAL);
        return columns;
    }

    /** A cell that differs: {@code published} as frozen, {@code live} as derived now. */
    public record CellDifference(String row, String column, long published, long live) {
    }

    public static Builder builder(int year) {
        return new Builder(year);
    }

    /** Adds counts per row and applicant type; {@link #build()} fills the 总计 column and row 三(七). */
    public static final class Builder {
        private final int year;
        private final Map<String, Map<ApplicantType, Long>> counts = new LinkedHashMap<>();

        private Builder(int year) {
            this.year = year;
        }

        public Builder add(String row, ApplicantType type, long n) {
            counts.computeIfAbsent(row, r -> new LinkedHashMap<>()).merge(type, n, Long::sum);
            return this;
        }

        public AnnualTable build() {
            Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
            for (String row : MatrixRow.ALL) {
                Map<String, Long> cells = new LinkedHashMap<>();
                long total = 0;
                for (ApplicantType type : ApplicantType.values()) {
                    long n = row.equals(MatrixRow.TOTAL_PROCESSED) ? processed(type) : count(row, type);
                    cells.put(type.name(), n);
                    total += n;
                }
                cells.put(MatrixRow.TOTAL, total);
                rows.put(row, cells);
            }
            return new AnnualTable(year, ReportFormat.forYear(year), rows);
        }

        private long processed(ApplicantType type) {
            long sum = 0;
            for (OutcomeCategory outcome : OutcomeCategory.values()) {
                sum += count(outcome.name(), type);
            }
            return sum;
        }

        private long count(String row, ApplicantType type) {
            return counts.getOrDefault(row, Map.of()).getOrDefault(type, 0L);
        }
    }
}

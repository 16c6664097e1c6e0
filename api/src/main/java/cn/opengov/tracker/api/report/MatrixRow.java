package cn.opengov.tracker.api.report;

import cn.opengov.tracker.api.request.OutcomeCategory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The row codes of section 三, in the table's order: 一, 二, every outcome of 三, 三(七), 四. */
public final class MatrixRow {

    public static final String NEW_RECEIVED = "NEW_RECEIVED";
    public static final String CARRIED_FROM_PREVIOUS = "CARRIED_FROM_PREVIOUS";
    public static final String TOTAL_PROCESSED = "TOTAL_PROCESSED";
    public static final String CARRIED_TO_NEXT = "CARRIED_TO_NEXT";
    /** The column code of the 总计 column. */
    public static final String TOTAL = "TOTAL";

    public static final List<String> ALL;

    static {
        List<String> rows = new ArrayList<>();
        rows.add(NEW_RECEIVED);
        rows.add(CARRIED_FROM_PREVIOUS);
        for (OutcomeCategory outcome : OutcomeCategory.values()) {
            rows.add(outcome.name());
        }
        rows.add(TOTAL_PROCESSED);
        rows.add(CARRIED_TO_NEXT);
        ALL = Collections.unmodifiableList(rows);
    }

    private MatrixRow() {
    }

    public static boolean isOutcome(String row) {
        return !row.equals(NEW_RECEIVED) && !row.equals(CARRIED_FROM_PREVIOUS) && !row.equals(TOTAL_PROCESSED)
                && !row.equals(CARRIED_TO_NEXT) && ALL.contains(row);
    }

    /** The official heading of a row, as printed in the report of the given format. */
    public static String label(String row) {
        return switch (row) {
            case NEW_RECEIVED -> "一、本年新收政府信息公开申请数量";
            case CARRIED_FROM_PREVIOUS -> "二、上年结转政府信息公开申请数量";
            case TOTAL_PROCESSED -> "三、本年度办理结果 (七) 总计";
            case CARRIED_TO_NEXT -> "四、结转下年度继续办理";
            default -> "三、本年度办理结果 " + OutcomeCategory.valueOf(row).fullLabel();
        };
    }
}

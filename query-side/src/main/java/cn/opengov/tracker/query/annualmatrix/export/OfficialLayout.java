package cn.opengov.tracker.query.annualmatrix.export;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.report.MatrixRow;
import cn.opengov.tracker.api.report.ReportFormat;
import cn.opengov.tracker.api.report.ReviewLitigationTable;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.OutcomeCategory.OutcomeGroup;

import java.util.List;
import java.util.Map;

/**
 * The tables of 政府信息公开工作年度报告 as the official format prints them (the seed reports): section 三 in the
 * 2021 format (国办公开办函〔2021〕30号), or for years up to 2020 the 2019 format with one (六) row and the
 * column 社会组织; and section 四.
 */
public final class OfficialLayout {

    public static final String SECTION_THREE = "三、收到和处理政府信息公开申请情况";
    public static final String SECTION_FOUR = "四、政府信息公开行政复议、行政诉讼情况";
    public static final String SECTION_SIX = "六、其他需要报告的事项";
    /** The heading the seed reports give the fee figures under section 六 (国办函〔2020〕109号). */
    public static final String FEES = "信息处理费收取情况";
    private static final String CHECK = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    private OfficialLayout() {
    }

    /** Section 三: three label columns, the six applicant columns and 总计. */
    public static Grid sectionThree(AnnualTable table) {
        boolean f2019 = table.format() == ReportFormat.F2019;
        Grid g = new Grid(10);
        g.header(0, 0, CHECK, 3, 3);
        g.header(0, 3, "申请人情况", 1, 7);
        g.header(1, 3, "自然人", 2, 1);
        g.header(1, 4, "法人或其他组织", 1, 5);
        g.header(1, 9, "总计", 2, 1);
        ApplicantType[] types = ApplicantType.values();
        for (int i = 1; i < types.length; i++) {
            g.header(2, 3 + i, f2019 ? types[i].label2019() : types[i].label(), 1, 1);
        }
        int row = 3;
        row = labelled(g, table, row, MatrixRow.NEW_RECEIVED, "一、本年新收政府信息公开申请数量");
        row = labelled(g, table, row, MatrixRow.CARRIED_FROM_PREVIOUS, "二、上年结转政府信息公开申请数量");
        int resultsStart = row;
        for (OutcomeGroup group : OutcomeGroup.values()) {
            List<OutcomeCategory> items = java.util.Arrays.stream(OutcomeCategory.values())
                    .filter(o -> o.group() == group).toList();
            if (items.get(0).item() == 0) {
                g.header(row, 1, group.numbered() + " " + items.get(0).label(), 1, 2);
                counts(g, row++, table, items.get(0).name());
            } else if (group == OutcomeGroup.OTHER && f2019) {
                g.header(row, 1, group.numbered() + " " + group.label(), 1, 2);
                countsSummed(g, row++, table, items.stream().map(Enum::name).toList());
            } else {
                g.header(row, 1, group.numbered() + " " + group.label(), items.size(), 1);
                for (OutcomeCategory item : items) {
                    g.header(row, 2, item.item() + "." + item.label(), 1, 1);
                    counts(g, row++, table, item.name());
                }
            }
        }
        g.header(row, 1, "(七) 总计", 1, 2);
        counts(g, row++, table, MatrixRow.TOTAL_PROCESSED);
        g.header(resultsStart, 0, "三、本年度办理结果", row - resultsStart, 1);
        labelled(g, table, row, MatrixRow.CARRIED_TO_NEXT, "四、结转下年度继续办理");
        return g;
    }

    /** Section 四: 行政复议 and the two kinds of 行政诉讼, five columns each. */
    public static Grid sectionFour(ReviewLitigationTable table) {
        Grid g = new Grid(15);
        g.header(0, 0, "行政复议", 1, 5);
        g.header(0, 5, "行政诉讼", 1, 10);
        String[] columns = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
        for (int i = 0; i < 5; i++) {
            g.header(1, i, columns[i], 2, 1);
            g.header(2, 5 + i, columns[i], 1, 1);
            g.header(2, 10 + i, columns[i], 1, 1);
        }
        g.header(1, 5, "未经复议直接起诉", 1, 5);
        g.header(1, 10, "复议后起诉", 1, 5);
        CaseKind[] kinds = CaseKind.values();
        for (int k = 0; k < kinds.length; k++) {
            Map<String, Long> block = table.block(kinds[k]);
            for (int i = 0; i < 5; i++) {
                g.value(3, k * 5 + i, block.getOrDefault(ReviewLitigationTable.COLUMNS.get(i), 0L));
            }
        }
        return g;
    }

    private static int labelled(Grid g, AnnualTable table, int row, String code, String label) {
        g.header(row, 0, label, 1, 3);
        counts(g, row, table, code);
        return row + 1;
    }

    private static void counts(Grid g, int row, AnnualTable table, String code) {
        List<String> columns = AnnualTable.columnsWithTotal();
        for (int c = 0; c < columns.size(); c++) {
            g.count(row, 3 + c, table.cell(code, columns.get(c)), code, columns.get(c));
        }
    }

    private static void countsSummed(Grid g, int row, AnnualTable table, List<String> codes) {
        List<String> columns = AnnualTable.columnsWithTotal();
        for (int c = 0; c < columns.size(); c++) {
            long n = 0;
            for (String code : codes) {
                n += table.cell(code, columns.get(c));
            }
            g.value(row, 3 + c, n);
        }
    }
}

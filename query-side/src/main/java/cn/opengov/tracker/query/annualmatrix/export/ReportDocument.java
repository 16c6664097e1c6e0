package cn.opengov.tracker.query.annualmatrix.export;

/**
 * What an export shows: a title (agency and year), whether the table is provisional, the two grids, and section
 * 六's statement of the fees (信息处理费收取情况; null to leave the section out).
 */
public record ReportDocument(String title, String note, Grid sectionThree, Grid sectionFour, String feeStatement) {

    public ReportDocument(String title, String note, Grid sectionThree, Grid sectionFour) {
        this(title, note, sectionThree, sectionFour, null);
    }

    /** Section 六's paragraph on fees as the seed reports word it. */
    public String feeParagraph() {
        return feeStatement == null ? null : OfficialLayout.FEES + "。" + feeStatement;
    }
}

package cn.opengov.tracker.query.annualmatrix.export;

/**
 * What an export shows: a title (agency and year), whether the table is provisional, and the two grids.
 */
public record ReportDocument(String title, String note, Grid sectionThree, Grid sectionFour) {
}

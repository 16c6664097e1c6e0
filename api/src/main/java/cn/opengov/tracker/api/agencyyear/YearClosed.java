package cn.opengov.tracker.api.agencyyear;

/** The year was closed for the agency; later entries dated into it are carried over at once. */
public record YearClosed(String agencyCode, int year) {
}

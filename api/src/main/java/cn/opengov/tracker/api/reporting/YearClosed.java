package cn.opengov.tracker.api.reporting;

/** The agency's years up to and including {@code year} are closed; later entries into them are carried at once. */
public record YearClosed(String agencyCode, int year) {
}

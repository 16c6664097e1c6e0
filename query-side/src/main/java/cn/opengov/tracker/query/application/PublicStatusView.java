package cn.opengov.tracker.query.application;

import java.time.LocalDate;

/**
 * What the public status lookup answers (API.md {@code GET /public/status}): where the application stands and the
 * dates the applicant may rely on — never a name, an ID number or the description. {@code trackingNo} is the
 * request's 受理编号 once staff have confirmed it.
 */
public record PublicStatusView(String no, String state, String stateLabel, String trackingNo, LocalDate submittedOn,
                               LocalDate receivedOn, LocalDate answerDueOn, LocalDate answeredOn, String outcomeLabel) {
}

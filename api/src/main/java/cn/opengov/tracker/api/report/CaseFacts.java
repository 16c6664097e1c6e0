package cn.opengov.tracker.api.report;

import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.request.CaseResult;

import java.time.LocalDate;

/** One reconsideration or lawsuit, as section 四 counts it. */
public record CaseFacts(String agencyCode, CaseKind kind, LocalDate filedOn, LocalDate decidedOn, CaseResult result) {
}

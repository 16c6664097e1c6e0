package cn.opengov.tracker.api.request.state;

import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.request.CaseResult;

import java.time.LocalDate;

/** A reconsideration (行政复议) or lawsuit (行政诉讼) about a request, as its events left it. */
public record LegalCase(String caseId, CaseKind kind, LocalDate filedOn, LocalDate decidedOn, CaseResult result) {

    public boolean isDecided() {
        return decidedOn != null;
    }

    public LegalCase decided(LocalDate on, CaseResult how) {
        return new LegalCase(caseId, kind, filedOn, on, how);
    }
}

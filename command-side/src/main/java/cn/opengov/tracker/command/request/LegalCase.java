package cn.opengov.tracker.command.request;

import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.request.CaseResult;

import java.time.LocalDate;

/** A reconsideration or lawsuit about the request, as the aggregate remembers it. */
record LegalCase(String caseId, CaseKind kind, LocalDate filedOn, LocalDate decidedOn, CaseResult result) {

    boolean isDecided() {
        return decidedOn != null;
    }

    LegalCase decided(LocalDate on, CaseResult how) {
        return new LegalCase(caseId, kind, filedOn, on, how);
    }
}

package cn.opengov.tracker.query.projection;

import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.request.CaseResult;

import java.time.LocalDate;

/** A reconsideration or lawsuit about a request, as the read models know it. */
public record CaseState(String caseId, CaseKind kind, LocalDate filedOn, LocalDate decidedOn, CaseResult result) {

    CaseState decided(LocalDate on, CaseResult how) {
        return new CaseState(caseId, kind, filedOn, on, how);
    }
}

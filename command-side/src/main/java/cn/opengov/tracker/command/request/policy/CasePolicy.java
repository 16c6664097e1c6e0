package cn.opengov.tracker.command.request.policy;

import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.request.command.DecideCase;
import cn.opengov.tracker.api.request.command.FileLawsuit;
import cn.opengov.tracker.api.request.command.FileReconsideration;
import cn.opengov.tracker.api.request.state.LegalCase;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;

import java.time.LocalDate;

/**
 * 行政复议 and 行政诉讼 about a request (SPEC §5): each case has its own id, a lawsuit after reconsideration needs a
 * reconsideration decided by the day it was filed, and a case is decided once, not before it was filed.
 */
public final class CasePolicy {

    private CasePolicy() {
    }

    public static void checkFiling(RequestState state, FileReconsideration cmd, LocalDate today) {
        requireNewCase(state, cmd.caseId());
        Dating.step("filedOn", "申请行政复议日期", cmd.filedOn(), state.receivedOn(), today);
    }

    public static void checkFiling(RequestState state, FileLawsuit cmd, LocalDate today) {
        requireNewCase(state, cmd.caseId());
        Dating.step("filedOn", "提起行政诉讼日期", cmd.filedOn(), state.receivedOn(), today);
        if (cmd.afterReconsideration() && state.cases().stream().noneMatch(c -> c.kind() == CaseKind.RECONSIDERATION
                && c.isDecided() && !c.decidedOn().isAfter(cmd.filedOn()))) {
            throw new RuleViolation(Rule.LAWSUIT_NEEDS_DECIDED_RECONSIDERATION);
        }
    }

    /** @return the case decided */
    public static LegalCase checkDecision(RequestState state, DecideCase cmd, LocalDate today) {
        LegalCase legalCase = state.legalCase(cmd.caseId())
                .orElseThrow(() -> new RuleViolation(Rule.CASE_NOT_FOUND, cmd.caseId()));
        if (legalCase.isDecided()) {
            throw new RuleViolation(Rule.CASE_ALREADY_DECIDED, legalCase.decidedOn());
        }
        Dating.notInFuture("decidedOn", "审结日期", cmd.decidedOn(), today);
        Dating.endNotBeforeStart("审结日期", cmd.decidedOn(), "立案日期", legalCase.filedOn());
        return legalCase;
    }

    private static void requireNewCase(RequestState state, String caseId) {
        if (state.legalCase(caseId).isPresent()) {
            throw new RuleViolation(Rule.CASE_ID_TAKEN, caseId);
        }
    }
}

package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.fee.FeeProposal;
import cn.opengov.tracker.api.request.FeeBasis;

import java.math.BigDecimal;

/**
 * GET /api/requests/{id}/fee-proposal: what 国办函〔2020〕109号's tiers give for a fee notice on the request. When the
 * tiers do not apply (a notice before 2021-01-01; 按量 for reading on site) {@code applicable} is false, with why.
 */
public record FeeProposalView(FeeBasis basis, String basisLabel, boolean applicable, Integer quantity,
                              Integer firstPositionInMonth, BigDecimal amountYuan, String explanation) {

    static FeeProposalView of(FeeProposal p) {
        return new FeeProposalView(p.basis(), p.basis().label(), true, p.quantity(), p.firstPositionInMonth(),
                p.amountYuan(), p.explanation());
    }

    static FeeProposalView notApplicable(FeeBasis basis, String why) {
        return new FeeProposalView(basis, basis.label(), false, null, null, null, why);
    }
}

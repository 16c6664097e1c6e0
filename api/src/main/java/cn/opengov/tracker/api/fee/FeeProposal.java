package cn.opengov.tracker.api.fee;

import cn.opengov.tracker.api.request.FeeBasis;

import java.math.BigDecimal;

/**
 * The amount 109号's tiers give for a fee notice (see {@link InformationProcessingFees}): the basis, the quantity
 * counted (件数 or 页数), for 按件 the position in the month of the request's first item, and how it was reached.
 */
public record FeeProposal(FeeBasis basis, int quantity, Integer firstPositionInMonth, BigDecimal amountYuan,
                          String explanation) {
}

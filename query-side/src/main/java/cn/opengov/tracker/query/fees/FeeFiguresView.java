package cn.opengov.tracker.query.fees;

import java.math.BigDecimal;

/**
 * GET /api/reports/{year}/fees (API.md): fee notices issued in the year and their amount, fees paid in the year and
 * their amount, in yuan; {@code statement} is the sentence the annual report prints (信息处理费收取情况).
 */
public record FeeFiguresView(int year, String agencyCode, boolean includeSubAgencies, long noticesIssued,
                             BigDecimal amountNoticedYuan, long feesPaid, BigDecimal amountPaidYuan, String statement) {
}

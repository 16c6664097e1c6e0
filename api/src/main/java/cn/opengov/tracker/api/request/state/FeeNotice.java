package cn.opengov.tracker.api.request.state;

import cn.opengov.tracker.api.request.FeeBasis;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The fee notice (收费通知) beyond its dates, which are the timeline's fee pause: the amount, the day the applicant
 * received it when known, and its basis (按件 or 按量; null in events recorded before it was asked).
 */
public record FeeNotice(BigDecimal amountYuan, LocalDate deliveredOn, FeeBasis basis) {
}

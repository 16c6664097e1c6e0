package cn.opengov.tracker.api.fee;

import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.api.request.FeeBasis;
import cn.opengov.tracker.api.rule.Rule;
import cn.opengov.tracker.api.rule.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号, in force from 2021-01-01), the rules a fee notice follows:
 * <ul>
 *   <li>第三条: a fee is counted 按件 or 按量, each excess-progressive (超额累进); an agency picks one standard per
 *       request and never counts both ({@link FeeBasis}, one fee notice per request).</li>
 *   <li>第四条: 按件 applies to every kind of decision. The same applicant's requests in one calendar month: up to 10
 *       (10 included) free; the 11th to the 30th 100元 each; from the 31st, every further block of 10 costs 100元 a
 *       request more than the block before. A request with several items may be split by 一事一申请 into the smallest
 *       reasonable units ({@code items}).</li>
 *   <li>第五条: 按量 applies where the applicant asks for paper copies, e-mail, copied electronic data or the like.
 *       Per request: up to 30 pages (30 included) free; pages 31–100 10元 each; 101–200 20元 each; from 201 40元 each.
 *       Reading and copying by hand on site (当场阅读、抄录) hands over no copies: there is no volume to count.</li>
 *   <li>第六条: the notice is issued within the time limit for answering the request, and the applicant pays within 20
 *       working days from the day after receiving it, or is taken to have given the request up (see
 *       {@link cn.opengov.tracker.api.deadline.Deadlines#feeDueOn}).</li>
 * </ul>
 * The free allowances are the first tier of each standard (10 requests a month, 30 pages a request); the 办法 gives
 * no other exemption to compute, so any other reduction is an override with its reason.
 */
public final class InformationProcessingFees {

    /** The day the 办法 took effect; before it there were no tiers to count by. */
    public static final LocalDate IN_FORCE = LocalDate.of(2021, 1, 1);

    /** 第四条(一): requests a month that cost nothing. */
    public static final int FREE_REQUESTS_A_MONTH = 10;
    /** 第五条(一): pages a request that cost nothing. */
    public static final int FREE_PAGES = 30;
    /** More pages or items than any real request has: a typing error. */
    public static final int MAX_QUANTITY = 100_000;

    private static final BigDecimal YUAN_100 = BigDecimal.valueOf(100);

    private InformationProcessingFees() {
    }

    public static boolean inForceOn(LocalDate day) {
        return !day.isBefore(IN_FORCE);
    }

    /** 第五条: whether 按量 can count a request whose applicant asked for the information in {@code form}. */
    public static boolean perVolumeApplies(DeliveryForm form) {
        return form != DeliveryForm.ON_SITE_READING;
    }

    /** 第四条: the fee of the applicant's {@code position}-th request in a calendar month (1 for the first). */
    public static BigDecimal perRequest(int position) {
        if (position <= FREE_REQUESTS_A_MONTH) {
            return BigDecimal.ZERO;
        }
        if (position <= 30) {
            return YUAN_100;
        }
        int block = (position - 30 + 9) / 10; // 31–40 is the first block above 30
        return YUAN_100.multiply(BigDecimal.valueOf(1L + block));
    }

    /** 第四条: the fee of {@code items} requests that follow {@code earlier} requests of the same month. */
    public static BigDecimal perRequest(int earlier, int items) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int position = earlier + 1; position <= earlier + items; position++) {
            sum = sum.add(perRequest(position));
        }
        return sum;
    }

    /** 第五条: the fee of a request of {@code pages} pages. */
    public static BigDecimal perVolume(int pages) {
        long fee = 10L * Math.max(0, Math.min(pages, 100) - FREE_PAGES)
                + 20L * Math.max(0, Math.min(pages, 200) - 100)
                + 40L * Math.max(0, pages - 200);
        return BigDecimal.valueOf(fee);
    }

    /**
     * Why the tiers cannot count a notice of {@code noticeOn} on this basis for a request asking the information in
     * {@code form}, if they cannot: before 2021-01-01 there were none; 按量 needs copies handed over (第五条).
     */
    public static Optional<RuleViolation> notApplicable(FeeBasis basis, LocalDate noticeOn, DeliveryForm form) {
        if (!inForceOn(noticeOn)) {
            return Optional.of(new RuleViolation(Rule.FEE_BASIS_NOT_IN_FORCE, noticeOn));
        }
        if (basis == FeeBasis.PER_VOLUME && !perVolumeApplies(form)) {
            return Optional.of(new RuleViolation(Rule.FEE_BASIS_NOT_APPLICABLE, form.label()));
        }
        return Optional.empty();
    }

    /**
     * The quantity to count: the 件数 given (按件, 1 when not given) or the 页数 (按量, required), between 1 and
     * {@link #MAX_QUANTITY}; else refused as the input {@code field}.
     */
    public static int quantity(FeeBasis basis, Integer given, String field) {
        if (given == null && basis == FeeBasis.PER_VOLUME) {
            throw RuleViolation.ofField(field, Rule.FEE_QUANTITY_INVALID, "按量计收须填写页数");
        }
        int counted = given == null ? 1 : given;
        if (counted < 1 || counted > MAX_QUANTITY) {
            throw RuleViolation.ofField(field, Rule.FEE_QUANTITY_INVALID, "件数或页数须在1至" + MAX_QUANTITY + "之间");
        }
        return counted;
    }

    /**
     * What the tiers give: 按件 for {@code quantity} items after {@code earlierRequestsThisMonth} requests of the same
     * applicant in the month, 按量 for {@code quantity} pages.
     */
    public static FeeProposal propose(FeeBasis basis, int quantity, int earlierRequestsThisMonth) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        if (basis == FeeBasis.PER_REQUEST) {
            int first = earlierRequestsThisMonth + 1;
            int last = earlierRequestsThisMonth + quantity;
            BigDecimal amount = perRequest(earlierRequestsThisMonth, quantity).setScale(2);
            String which = quantity == 1 ? "第" + first + "件" : "第" + first + "至第" + last + "件（按一事一申请拆分为" + quantity + "件）";
            String why = "按件计收：本申请为同一申请人本自然月内向本机关提出的" + which + "申请；每月10件以下不收费，11—30件每件100元，"
                    + "31件以上每10件为一档、每档每件提高100元（国办函〔2020〕109号第四条）：" + amount.toPlainString() + "元";
            return new FeeProposal(basis, quantity, first, amount, why);
        }
        BigDecimal amount = perVolume(quantity).setScale(2);
        String why = "按量计收：共" + quantity + "页；30页以下不收费，31—100页每页10元，101—200页每页20元，201页以上每页40元"
                + "（国办函〔2020〕109号第五条）：" + amount.toPlainString() + "元";
        return new FeeProposal(basis, quantity, null, amount, why);
    }
}

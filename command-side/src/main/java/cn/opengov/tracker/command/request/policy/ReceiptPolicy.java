package cn.opengov.tracker.command.request.policy;

import java.time.LocalDate;

/**
 * 条例第三十一条: the date of receipt, as staff enter it, is a day that has come, within the range whose deadlines
 * the product computes (from the 2019 revision on).
 */
public final class ReceiptPolicy {

    private ReceiptPolicy() {
    }

    public static void check(String field, LocalDate receivedOn, LocalDate today) {
        Dating.notInFuture(field, "收到申请日期", receivedOn, today);
        Dating.receiptSupported(field, receivedOn);
    }
}

package cn.opengov.tracker.query.annualreport;

import java.math.BigDecimal;

/**
 * Section 二 主动公开政府信息情况 as the 2021 format's table has it (国办公开办函〔2021〕30号): 第二十条第（一）项
 * 规章 and 行政规范性文件 (本年制发、本年废止、现行有效), 第（五）项 行政许可, 第（六）项 行政处罚 and 行政强制
 * (本年处理决定数量), 第（八）项 行政事业性收费 (本年收费金额，万元). Typed in by the office: these are not requests.
 */
public record ActiveDisclosure(long rulesIssued, long rulesRepealed, long rulesInForce,
                               long normativeIssued, long normativeRepealed, long normativeInForce,
                               long licensing, long punishment, long enforcement, BigDecimal feesWanYuan) {

    public static final ActiveDisclosure EMPTY = new ActiveDisclosure(0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO);

    /** The first negative count's name, or null. */
    public String negative() {
        long[] counts = {rulesIssued, rulesRepealed, rulesInForce, normativeIssued, normativeRepealed, normativeInForce,
                licensing, punishment, enforcement};
        String[] names = {"规章本年制发件数", "规章本年废止件数", "规章现行有效件数", "行政规范性文件本年制发件数",
                "行政规范性文件本年废止件数", "行政规范性文件现行有效件数", "行政许可本年处理决定数量", "行政处罚本年处理决定数量",
                "行政强制本年处理决定数量"};
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                return names[i];
            }
        }
        return feesWanYuan != null && feesWanYuan.signum() < 0 ? "行政事业性收费本年收费金额" : null;
    }
}

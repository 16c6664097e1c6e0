package cn.opengov.tracker.command.document.wording;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** Dates and sums as a 公文 writes them (GB/T 9704-2012: Arabic numerals, no leading zeros). */
public final class ChineseFormat {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] SMALL_UNITS = {"", "拾", "佰", "仟"};
    private static final String[] BIG_UNITS = {"", "万", "亿"};

    private ChineseFormat() {
    }

    /** 2026年3月2日. */
    public static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** 1,234.50 → 人民币1234.50元（大写：壹仟贰佰叁拾肆元伍角整）. */
    public static String yuan(BigDecimal amount) {
        BigDecimal a = amount.setScale(2, RoundingMode.HALF_UP);
        return "人民币" + a.toPlainString() + "元（大写：" + capital(a) + "）";
    }

    /** The amount in 大写 as on a receipt: 壹佰元整, 壹仟零伍元伍角, 叁拾元零伍分. */
    public static String capital(BigDecimal amount) {
        BigDecimal a = amount.setScale(2, RoundingMode.HALF_UP);
        long yuan = a.longValue();
        int cents = a.remainder(BigDecimal.ONE).movePointRight(2).intValue();
        int jiao = cents / 10;
        int fen = cents % 10;
        StringBuilder out = new StringBuilder();
        if (yuan > 0) {
            out.append(integer(yuan)).append('元');
        }
        if (jiao == 0 && fen == 0) {
            return (out.length() == 0 ? "零元" : out) + "整";
        }
        if (jiao > 0) {
            out.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            out.append('零');
        }
        if (fen > 0) {
            out.append(DIGITS.charAt(fen)).append('分');
        } else {
            out.append('整');
        }
        return out.toString();
    }

    private static String integer(long n) {
        StringBuilder out = new StringBuilder();
        int group = 0;
        boolean zeroPending = false;
        while (n > 0) {
            int part = (int) (n % 10_000);
            if (part > 0) {
                String words = fourDigits(part) + BIG_UNITS[group];
                if (zeroPending && out.length() > 0) {
                    words += "零";
                }
                out.insert(0, words);
                zeroPending = part < 1000;
            } else if (out.length() > 0) {
                zeroPending = true;
            }
            n /= 10_000;
            group++;
        }
        return out.toString();
    }

    private static String fourDigits(int n) {
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int i = 3; i >= 0; i--) {
            int digit = (n / (int) Math.pow(10, i)) % 10;
            if (digit == 0) {
                zero = out.length() > 0;
            } else {
                if (zero) {
                    out.append('零');
                    zero = false;
                }
                out.append(DIGITS.charAt(digit)).append(SMALL_UNITS[i]);
            }
        }
        return out.toString();
    }
}

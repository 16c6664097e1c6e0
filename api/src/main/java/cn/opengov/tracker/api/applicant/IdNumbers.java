package cn.opengov.tracker.api.applicant;

import java.util.Optional;

/**
 * Check digits of the two identity numbers an applicant gives: the 18-digit 公民身份号码 (GB 11643-1999,
 * ISO 7064 MOD 11-2) and the 18-character 统一社会信用代码 (GB 32100-2015, MOD 31).
 */
public final class IdNumbers {

    private static final int[] RESIDENT_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String RESIDENT_CHECK = "10X98765432";
    private static final String CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private IdNumbers() {
    }

    /** Why the 公民身份号码 is not valid, or empty when it is. */
    public static Optional<String> residentIdProblem(String id) {
        if (id == null || !id.matches("\\d{17}[\\dXx]")) {
            return Optional.of("公民身份号码应为18位，前17位为数字，最后一位为数字或X");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * RESIDENT_WEIGHTS[i];
        }
        char expected = RESIDENT_CHECK.charAt(sum % 11);
        if (Character.toUpperCase(id.charAt(17)) != expected) {
            return Optional.of("公民身份号码校验位不正确，请核对");
        }
        if (!validBirthDate(id.substring(6, 14))) {
            return Optional.of("公民身份号码中的出生日期不正确，请核对");
        }
        return Optional.empty();
    }

    /** Why the 统一社会信用代码 is not valid, or empty when it is. */
    public static Optional<String> creditCodeProblem(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of("统一社会信用代码应为18位");
        }
        String upper = code.toUpperCase();
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CREDIT_CHARSET.indexOf(upper.charAt(i));
            if (v < 0) {
                return Optional.of("统一社会信用代码含有不允许的字符：" + upper.charAt(i));
            }
            sum += v * CREDIT_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        if (upper.charAt(17) != CREDIT_CHARSET.charAt(check)) {
            return Optional.of("统一社会信用代码校验位不正确，请核对");
        }
        return Optional.empty();
    }

    /** First 4 and last 4 characters shown, the rest starred: what lists, boards and exports show. */
    public static String mask(String id) {
        if (id == null || id.isEmpty()) {
            return id;
        }
        if (id.length() <= 8) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    private static boolean validBirthDate(String yyyymmdd) {
        try {
            java.time.LocalDate.parse(yyyymmdd, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}

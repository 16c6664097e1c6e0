package cn.opengov.tracker.platform.directory;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * What a password may be: at least 8 characters and at most 72 bytes in UTF-8, BCrypt's limit. BCrypt ignores
 * every byte past the 72nd, so a longer password would let in anyone who types its first 72 bytes: it is refused
 * when set, and never accepted at login.
 */
public final class Passwords {

    public static final int MIN_CHARACTERS = 8;
    public static final int MAX_BYTES = 72;

    private Passwords() {
    }

    public static boolean fitsBcrypt(String password) {
        return password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** Why the password cannot be set, or {@code null} when it can. */
    public static String problem(String password) {
        if (password == null || password.isBlank()) {
            return "必须提供密码";
        }
        if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            return "密码至少" + MIN_CHARACTERS + "个字符";
        }
        if (!fitsBcrypt(password)) {
            return "密码不能超过" + MAX_BYTES + "字节（UTF-8；一个汉字占3字节）";
        }
        return null;
    }

    /** Bean Validation for a password field of a request body: {@link #problem} as the message. */
    @Documented
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Settable.Validator.class)
    public @interface Settable {
        String message() default "密码须为8个字符至72字节";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** Checks {@link Passwords#problem}. */
        class Validator implements ConstraintValidator<Settable, String> {
            @Override
            public boolean isValid(String password, ConstraintValidatorContext context) {
                String problem = problem(password);
                if (problem == null) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
                return false;
            }
        }
    }
}

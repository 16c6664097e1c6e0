package cn.opengov.tracker.platform.security;

import org.springframework.security.access.prepost.PreAuthorize;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An action whose effect reaches every agency (the national holiday calendar, a rebuild of every read model):
 * for administrators of the top agency only, not for an administrator of a county or a department.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasRole('ADMIN') and @agencyScope.atTopAgency()")
public @interface SystemAdministration {

    String DENIED = "此操作影响所有机关：只有顶级机关（ROOT）的管理员可以进行";
}

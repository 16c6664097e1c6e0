package cn.opengov.tracker.platform.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A fresh install has the top agency ROOT (created by the migration) and the administrator {@code admin},
 * whose password comes from {@code TRACKER_ADMIN_PASSWORD}. With {@code tracker.demo.enabled} it also gets
 * a small county with two departments and one user of each role, listed in the README.
 */
@Component
public class DirectorySeeder {

    private static final Logger log = LoggerFactory.getLogger(DirectorySeeder.class);

    private final AgencyDirectory agencies;
    private final UserDirectory users;
    private final String adminPassword;
    private final boolean demo;

    public DirectorySeeder(AgencyDirectory agencies, UserDirectory users,
                           @Value("${tracker.admin.password}") String adminPassword,
                           @Value("${tracker.demo.enabled}") boolean demo) {
        this.agencies = agencies;
        this.users = users;
        this.adminPassword = adminPassword;
        this.demo = demo;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void seed() {
        if (!demo && (adminPassword == null || adminPassword.isBlank() || "admin".equals(adminPassword))) {
            // a real deployment (no demo data) must not run with a known or empty administrator password
            throw new IllegalStateException("正式部署必须用环境变量 TRACKER_ADMIN_PASSWORD 设置管理员密码（不能为空或 admin）"
                    + " / set TRACKER_ADMIN_PASSWORD for a deployment without demo data");
        }
        if (!Passwords.fitsBcrypt(adminPassword)) {
            throw new IllegalStateException("TRACKER_ADMIN_PASSWORD 不能超过" + Passwords.MAX_BYTES + "字节（UTF-8）"
                    + " / TRACKER_ADMIN_PASSWORD must not be longer than " + Passwords.MAX_BYTES + " bytes in UTF-8 (BCrypt)");
        }
        users.ensure("admin", adminPassword, Role.ADMIN, AgencyDirectory.TOP);
        if (!demo) {
            return;
        }
        ensureAgency("ZNX", "中宁县人民政府", AgencyDirectory.TOP);
        ensureAgency("ZNX-KJJ", "中宁县科学技术局", "ZNX");
        ensureAgency("ZNX-ZRZYJ", "中宁县自然资源局", "ZNX");
        users.ensure("staff", "staff", Role.STAFF, "ZNX-KJJ");
        users.ensure("supervisor", "supervisor", Role.SUPERVISOR, "ZNX");
        log.info("Demo agencies and users are present (tracker.demo.enabled=true)");
    }

    private void ensureAgency(String code, String name, String parent) {
        if (agencies.find(code).isEmpty()) {
            try {
                agencies.create(code, name, parent, "install");
            } catch (RuntimeException raced) {
                // the other side created it at the same moment
                log.debug("agency {} created concurrently", code, raced);
            }
        }
    }
}

package cn.opengov.tracker.platform.jdbc;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Spring's translation leaves PostgreSQL's lock_not_available (SQLState 55P03: a {@code lock_timeout} ran out, as
 * the query side's do while a rebuild rewrites the tables) an uncategorized SQL error. Here every JdbcTemplate
 * translates it to {@link CannotAcquireLockException}, so it reaches callers and the web layer as what it is:
 * busy, nothing done, try again.
 */
@Component
public class LockNotGrantedTranslation implements BeanPostProcessor {

    static final String LOCK_NOT_AVAILABLE = "55P03";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof JdbcTemplate jdbc) {
            SQLExceptionTranslator usual = jdbc.getExceptionTranslator();
            jdbc.setExceptionTranslator((task, sql, e) -> LOCK_NOT_AVAILABLE.equals(e.getSQLState())
                    ? new CannotAcquireLockException(task + "; " + e.getMessage(), e)
                    : usual.translate(task, sql, e));
        }
        return bean;
    }
}

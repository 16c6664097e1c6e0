package cn.opengov.tracker.platform.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon that an append failed on a unique key (PostgreSQL SQLState 23505): two writers raced for the same
 * aggregate sequence number, and the loser must get a ConcurrencyException (answered 409), not a generic store
 * error (AxonFramework#1368). Axon's own SQLErrorCodesResolver needs JPA on the class path to do this, which the
 * JDBC store deliberately keeps off.
 */
public class DuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}

package cn.opengov.tracker.query.projection;

import com.fasterxml.jackson.databind.JsonMappingException;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What may be said about a failure without personal data. Exception messages of the database driver, of Spring's
 * JDBC layer and of the JSON parser quote the data they failed on (a name with a NUL in it, a whole row, a batch
 * entry with its parameters), so they are never passed on: what is kept is each exception's class, PostgreSQL's
 * SQLState, the JSON path of a field that did not parse, and the messages of exceptions marked {@link SafeMessage}.
 * Used for the dead letters' causes and for every projection error that reaches a log.
 */
public final class ProjectionErrors {

    /** A few SQLStates worth a name (PostgreSQL Appendix A); others are shown by their code. */
    private static final Map<String, String> CONDITIONS = Map.ofEntries(
            Map.entry("22001", "string_data_right_truncation"),
            Map.entry("22003", "numeric_value_out_of_range"),
            Map.entry("22007", "invalid_datetime_format"),
            Map.entry("22008", "datetime_field_overflow"),
            Map.entry("22021", "character_not_in_repertoire"),
            Map.entry("22P02", "invalid_text_representation"),
            Map.entry("22P05", "untranslatable_character"),
            Map.entry("23502", "not_null_violation"),
            Map.entry("23503", "foreign_key_violation"),
            Map.entry("23505", "unique_violation"),
            Map.entry("23514", "check_violation"),
            Map.entry("25P02", "in_failed_sql_transaction"),
            Map.entry("40001", "serialization_failure"),
            Map.entry("40P01", "deadlock_detected"),
            Map.entry("55P03", "lock_not_available"),
            Map.entry("57014", "query_canceled"));
    private static final int MAX_LENGTH = 1000;

    private ProjectionErrors() {
    }

    /**
     * A failure of the moment, not of the event: the connection, a lock not granted in time, a deadlock or a
     * serialization conflict, a cancelled statement, the server short of resources or shutting down. Such a batch
     * is tried again as it is; parking its events would take healthy requests out of the read models.
     */
    public static boolean isTransient(Throwable error) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = next(t)) {
            if (transientAlone(t)) {
                return true;
            }
        }
        return false;
    }

    /** This exception itself (not its causes) says the failure is of the moment; a redacted one remembers it. */
    static boolean transientAlone(Throwable t) {
        if (t instanceof RedactedException r) {
            return r.transientFailure();
        }
        return t instanceof org.springframework.dao.TransientDataAccessException
                || t instanceof org.springframework.dao.RecoverableDataAccessException
                || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                || t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException
                || t instanceof java.sql.SQLNonTransientConnectionException
                || t instanceof SQLException sql && sql.getSQLState() != null && transientState(sql.getSQLState());
    }

    private static boolean transientState(String state) {
        return state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57")
                || state.startsWith("58") || state.equals("55P03") || state.equals("55006");
    }

    /** One line for a dead letter or a status: each exception of the chain, outermost first, with what is safe. */
    public static String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = next(t)) {
            if (!out.isEmpty()) {
                out.append(" ← ");
            }
            out.append(className(t));
            String detail = detail(t);
            if (!detail.isEmpty()) {
                out.append(": ").append(detail);
            }
        }
        return out.length() <= MAX_LENGTH ? out.toString() : out.substring(0, MAX_LENGTH - 1) + "…";
    }

    /** The innermost exception's class: what actually went wrong (the driver's, the parser's, a rule's). */
    public static String rootClass(Throwable error) {
        Throwable root = error;
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = next(t)) {
            root = t;
        }
        return className(root);
    }

    /** The same failure, fit for a log: class names, stack traces and safe details only. */
    public static RuntimeException redacted(Throwable error) {
        return redacted(error, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static RuntimeException redacted(Throwable error, Set<Throwable> seen) {
        if (error instanceof RedactedException r) {
            return r;
        }
        seen.add(error);
        Throwable cause = next(error);
        RuntimeException redactedCause = cause == null || seen.contains(cause) ? null : redacted(cause, seen);
        return new RedactedException(error, detail(error), redactedCause);
    }

    private static String className(Throwable t) {
        return t instanceof RedactedException r ? r.originalClass() : t.getClass().getName();
    }

    private static Throwable next(Throwable t) {
        if (t.getCause() != null) {
            return t.getCause();
        }
        // a JDBC batch reports the statement that failed as its "next exception", not as its cause
        return t instanceof SQLException sql ? sql.getNextException() : null;
    }

    private static String detail(Throwable t) {
        if (t instanceof RedactedException r) {
            return r.detail();
        }
        if (t instanceof SafeMessage) {
            return t.getMessage() == null ? "" : t.getMessage();
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String condition = CONDITIONS.get(sql.getSQLState());
            return "SQLState " + sql.getSQLState() + (condition == null ? "" : " (" + condition + ")");
        }
        if (t instanceof JsonMappingException json && !json.getPath().isEmpty()) {
            return "at " + json.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        return "";
    }
}

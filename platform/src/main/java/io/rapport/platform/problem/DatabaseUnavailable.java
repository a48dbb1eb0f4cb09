package io.rapport.platform.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure caused by the database being unreachable (down, restarting, refusing connections,
 * or no pooled connection within the acquisition timeout) from any other: the client then gets 503
 * with {@code Retry-After}, not 500, because retrying later will work.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is told to wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    /** True when something in the cause chain says the database cannot be reached. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // class 08: connection exception; Agroal's pool timeout has no state, only its message
                if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                    return true;
                }
                if (state == null && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}

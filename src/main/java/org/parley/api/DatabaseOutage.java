package org.parley.api;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure that means "the database cannot be reached right now" rather than a bug: the pool found
 * no connection within its timeout ({@link SQLTransientConnectionException}, HikariCP's), the connection broke
 * (SQLSTATE class 08) or the server is shutting down or starting up (57P01 to 57P03). Such a request is answered
 * 503 with {@code Retry-After}, and the pool connects again by itself once the database is back.
 */
final class DatabaseOutage {

    static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}

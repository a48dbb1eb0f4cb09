package io.rapport.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreUnavailability() {
        assertTrue(DatabaseUnavailable.causedBy(new PersistenceException("tx",
            new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))));
        assertTrue(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("terminating connection due to "
            + "administrator command", "57P01"))));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(DatabaseUnavailable.causedBy(new SQLTransientConnectionException("pool")));
        assertTrue(DatabaseUnavailable.causedBy(new org.hibernate.exception.JDBCConnectionException("Unable to acquire",
            new SQLException("I/O error", "08006"))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("bug")));
        assertFalse(DatabaseUnavailable.causedBy(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("no state")));
    }
}

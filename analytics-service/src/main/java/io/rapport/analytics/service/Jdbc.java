package io.rapport.analytics.service;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/** Runs JDBC work on the connection of the current transaction (after flushing the persistence context). */
final class Jdbc {

    /** JDBC work that may fail with {@link SQLException}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Jdbc() {
    }

    static <T> T call(EntityManager em, Work<T> work) {
        em.flush();
        return em.unwrap(Session.class).doReturningWork(work::run);
    }
}

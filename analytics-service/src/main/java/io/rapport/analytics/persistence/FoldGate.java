package io.rapport.analytics.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The gate between the live writers of the read model (the folds and the due-slice job) and the
 * rebuild's switch: a PostgreSQL advisory lock that every live write transaction takes in shared mode
 * as its first statement ({@link #enterLive}), and that the switch takes exclusively ({@link #close}),
 * so no live write is in flight while the rebuilt tables replace the live ones. Both sides are
 * transaction-scoped: released at commit or rollback.
 */
public final class FoldGate {

    static final long KEY = 0x52617070_52626c64L;

    private FoldGate() {
    }

    /** First statement of every live write transaction: the shared side. */
    public static void enterLive(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock_shared(" + KEY + ")")) {
            s.execute();
        }
    }

    /** The rebuild's switch: waits until no live write is in flight and keeps new ones out until commit. */
    public static void close(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(" + KEY + ")")) {
            s.execute();
        }
    }
}

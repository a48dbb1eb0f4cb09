package io.rapport.analytics.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The rebuild's status row ({@code public.rebuild_run}, one row, shared by every replica) and its
 * single-runner guard: a session-scoped advisory lock held by the runner's own connection for the
 * whole rebuild. A runner that dies loses its connection and with it the lock, so a RUNNING row
 * without the lock held is a dead run, reported FAILED.
 */
public final class RebuildRuns {

    static final long RUNNER = 0x52617070_52756e73L;

    /** The stored status. */
    public record Run(String status, long folded, long total, boolean runnerAlive) {
    }

    private RebuildRuns() {
    }

    /** Tries to become the runner on this connection (held until {@link #release} or the connection closes). */
    public static boolean tryAcquire(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(" + RUNNER + ")");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    public static void release(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_unlock(" + RUNNER + ")")) {
            s.execute();
        }
    }

    public static Run read(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select status, folded, total, exists (select 1 from pg_locks"
            + " where locktype = 'advisory' and granted and classid = ? and objid = ? and objsubid = 1)"
            + " from public.rebuild_run where id = 1");) {
            s.setLong(1, RUNNER >>> 32);
            s.setLong(2, RUNNER & 0xffffffffL);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return new Run("IDLE", 0, 0, false);
                }
                return new Run(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4));
            }
        }
    }

    /** Sets the status, counters and (for FAILED) the reason; {@code runner} names the instance. */
    public static void write(Connection c, String status, long folded, long total, String runner, String error)
        throws SQLException {
        String times = switch (status) {
            case "RUNNING" -> ", started_at = now(), finished_at = null";
            case "DONE", "FAILED" -> ", finished_at = now()";
            default -> "";
        };
        try (PreparedStatement s = c.prepareStatement("update public.rebuild_run set status = ?, folded = ?, total = ?,"
            + " runner = coalesce(?, runner), error = ?" + times + " where id = 1")) {
            s.setString(1, status);
            s.setLong(2, folded);
            s.setLong(3, total);
            s.setString(4, runner);
            s.setString(5, error == null ? null : error.substring(0, Math.min(500, error.length())));
            s.executeUpdate();
        }
    }

    /** The progress of the running rebuild. */
    public static void progress(Connection c, long folded, long total) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update public.rebuild_run set folded = ?, total = ? where id = 1")) {
            s.setLong(1, folded);
            s.setLong(2, total);
            s.executeUpdate();
        }
    }
}

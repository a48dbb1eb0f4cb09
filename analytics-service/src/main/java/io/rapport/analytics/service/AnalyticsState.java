package io.rapport.analytics.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.rapport.analytics.config.InsightsConfig;
import io.rapport.analytics.model.ScoringParameters;

/**
 * What the stored read model was folded with ({@code analytics_state}). The relationship rows hold
 * strengths computed with the scoring parameters (weights, half-life, slices...; not the score scale or
 * the band thresholds, which only read them), so a change of those needs a rebuild; at startup, a
 * non-empty read model folded with other parameters (or flagged by a migration) is rebuilt from the
 * topics, by whichever replica gets the rebuild lock. Meanwhile it keeps answering from the old rows.
 * The default stay-in-touch cadences only feed {@code due_at}: a change of those is applied at startup
 * with one statement.
 */
@ApplicationScoped
public class AnalyticsState {

    private static final Logger LOG = Logger.getLogger(AnalyticsState.class);
    static final String PARAMETERS = "scoring-parameters";
    static final String CADENCES = "cadence-defaults";
    static final String REBUILD_REQUIRED = "rebuild-required";

    private final EntityManager em;
    private final ScoringParameters params;
    private final InsightsConfig insights;

    public AnalyticsState(EntityManager em, ScoringParameters params, InsightsConfig insights) {
        this.em = em;
        this.params = params;
        this.insights = insights;
    }

    /** The parameters the stored strengths depend on, as one string. */
    String parametersFingerprint() {
        return String.join(";", "H=" + params.halfLife(), "w=" + params.baseWeights(), "e=" + params.effortScale(),
            "s=" + params.sentimentStep(), "d=" + params.directionFactors(), "long=" + params.longRunningTypes(),
            "P=" + params.slicePeriod(), "max=" + params.maxSlices(), "group=" + params.groupDiscountTypes(),
            "gamma=" + params.groupDiscountExponent());
    }

    /**
     * At startup: records the fingerprints on an empty read model, applies a changed cadence default, and
     * answers why a rebuild is needed (null: it is not).
     */
    String check() {
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.call(em, c -> {
            Map<String, String> stored = read(c);
            if (!insights.fingerprint().equals(stored.get(CADENCES))) {
                applyCadences(c);
                put(c, CADENCES, insights.fingerprint());
            }
            if (stored.containsKey(REBUILD_REQUIRED)) {
                return stored.get(REBUILD_REQUIRED);
            }
            String fingerprint = parametersFingerprint();
            if (fingerprint.equals(stored.get(PARAMETERS))) {
                return null;
            }
            if (isEmpty(c)) {
                put(c, PARAMETERS, fingerprint);
                return null;
            }
            return "the scoring parameters changed (stored: " + stored.get(PARAMETERS) + ")";
        }));
    }

    /** At the rebuild's switch, in its transaction: the model is now folded with the current parameters. */
    void recordRebuilt(Connection c) throws SQLException {
        put(c, PARAMETERS, parametersFingerprint());
        try (PreparedStatement s = c.prepareStatement("delete from analytics_state where key = ?")) {
            s.setString(1, REBUILD_REQUIRED);
            s.executeUpdate();
        }
    }

    private static Map<String, String> read(Connection c) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select key, value from analytics_state"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
        }
        return values;
    }

    private static void put(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into analytics_state (key, value) values (?, ?)"
            + " on conflict (key) do update set value = excluded.value")) {
            s.setString(1, key);
            s.setString(2, value.length() > 400 ? value.substring(0, 400) : value);
            s.executeUpdate();
        }
    }

    private static boolean isEmpty(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select not exists (select 1 from engagement)"
            + " and not exists (select 1 from contact)"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Recomputes the effective cadence and due date of contacts without their own cadence. */
    private void applyCadences(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update relationship r set cadence_days = x.cadence,"
            + " due_at = coalesce(r.last_touch_at, r.created_at) + make_interval(days => x.cadence)"
            + " from (select id, case seniority when 'EXECUTIVE' then ? when 'SENIOR_MANAGER' then ? when 'MANAGER' then ?"
            + " when 'STAFF' then ? else ? end as cadence from contact where cadence_days is null) x"
            + " where r.contact_id = x.id and r.cadence_days is distinct from x.cadence")) {
            s.setInt(1, insights.executive());
            s.setInt(2, insights.seniorManager());
            s.setInt(3, insights.manager());
            s.setInt(4, insights.staff());
            s.setInt(5, insights.unknownSeniority());
            int n = s.executeUpdate();
            if (n > 0) {
                LOG.infof("Default stay-in-touch cadences changed: %d contacts' due dates recomputed", n);
            }
        }
    }

    /** Starts the rebuild a changed model needs (one replica wins the rebuild lock; the others see it RUNNING). */
    @ApplicationScoped
    static class StartupRebuild {
        private final AnalyticsState state;
        private final RebuildService rebuild;

        StartupRebuild(AnalyticsState state, RebuildService rebuild) {
            this.state = state;
            this.rebuild = rebuild;
        }

        void onStart(@Observes StartupEvent event) {
            String reason = state.check();
            if (reason != null) {
                boolean started = rebuild.start();
                LOG.infof("The read model needs a rebuild (%s): %s", reason,
                    started ? "started here" : "already running on another replica");
            }
        }
    }
}

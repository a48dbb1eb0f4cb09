package io.rapport.analytics.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rapport.analytics.persistence.FoldGate;

/**
 * Credits the slices (and starts) of engagements that fell due since they were folded: every
 * {@code rapport.fold.due-interval} (default 30 s), on every replica, but one at a time across all of
 * them: each run takes a transaction-scoped advisory lock with {@code pg_try_advisory_xact_lock} and a
 * replica that does not get it skips its turn. Each transaction advances up to
 * {@code rapport.fold.due-batch} engagements ({@link EngagementFolder#creditDue}); crediting records
 * the new horizon in the same transaction, so a run killed half way is simply redone.
 */
@ApplicationScoped
public class DueSliceJob {

    private static final Logger LOG = Logger.getLogger(DueSliceJob.class);
    /** Key of the advisory lock that keeps the job single across replicas. */
    static final long KEY = 0x52617070_44756573L;

    private final EntityManager em;
    private final EngagementFolder folder;
    private final AnalyticsClock clock;
    private final Duration interval;
    private final int batch;
    private ScheduledExecutorService timer;

    public DueSliceJob(EntityManager em, EngagementFolder folder, AnalyticsClock clock,
        @ConfigProperty(name = "rapport.fold.due-interval", defaultValue = "PT30S") Duration interval,
        @ConfigProperty(name = "rapport.fold.due-batch", defaultValue = "500") int batch) {
        this.em = em;
        this.folder = folder;
        this.clock = clock;
        this.interval = interval;
        this.batch = batch;
    }

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "analytics-due-slices");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void runSafely() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("Due-slice run failed (retried at the next run): %s", e.toString());
        }
    }

    /**
     * Credits everything due now, batch by batch; answers how many engagements were advanced, or -1
     * when another replica holds the job.
     */
    public int run() {
        int total = 0;
        while (true) {
            int advanced = QuarkusTransaction.requiringNew().call(() -> Jdbc.call(em, c -> {
                FoldGate.enterLive(c);
                try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_xact_lock(" + KEY + ")");
                     ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return -1;
                    }
                }
                return folder.creditDue(c, clock.now(), batch);
            }));
            if (advanced < 0) {
                return total == 0 ? -1 : total;
            }
            total += advanced;
            if (advanced < batch) {
                if (total > 0) {
                    LOG.debugf("Credited due slices of %d engagements", total);
                }
                return total;
            }
        }
    }
}

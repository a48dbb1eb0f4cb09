package io.rapport.platform.metrics;

/**
 * The Rapport metrics every service exposes on its management interface ({@code /q/metrics}), by
 * their Micrometer names; the Prometheus names (what the alerts and the dashboard in
 * {@code deploy/kubernetes/monitoring} query) are in each comment. One place, so the platform,
 * the services, the alert rules and the dashboard agree.
 */
public final class RapportMetrics {

    /** Gauge {@code rapport_outbox_backlog}: outbox rows not yet acknowledged by Kafka (the whole table, so every replica reports the same). */
    public static final String OUTBOX_BACKLOG = "rapport.outbox.backlog";
    /** Gauge {@code rapport_outbox_oldest_age_seconds}: age of the oldest unpublished outbox row, 0 when the outbox is empty. */
    public static final String OUTBOX_OLDEST_AGE = "rapport.outbox.oldest.age";
    /** Counter {@code rapport_outbox_published_total{topic}}: events Kafka acknowledged, sent by this replica's relay. */
    public static final String OUTBOX_PUBLISHED = "rapport.outbox.published";
    /** Counter {@code rapport_fold_records_total{group,topic}}: consumed records applied to the service's own state. */
    public static final String FOLD_RECORDS = "rapport.fold.records";
    /** Gauge {@code rapport_consumer_lag{group,topic}}: records behind the log end on the partitions this replica holds. */
    public static final String CONSUMER_LAG = "rapport.consumer.lag";
    /** Counter {@code rapport_dead_letters_total{group,topic,reason}}: records sent to {@code <topic>.dlq}; reason malformed or failed. */
    public static final String DEAD_LETTERS = "rapport.dead.letters";
    /** Gauge {@code rapport_rebuild_progress}: share (0 to 1) of the history a running rebuild has folded; analytics-service only. */
    public static final String REBUILD_PROGRESS = "rapport.rebuild.progress";
    /** Gauge {@code rapport_broker_up}: 1 while the service reaches the Kafka broker, else 0 (the readiness work registers it). */
    public static final String BROKER_UP = "rapport.broker.up";

    /** Tag of the consumer group. */
    public static final String GROUP = "group";
    /** Tag of the topic. */
    public static final String TOPIC = "topic";
    /** Tag of a dead letter's reason: {@link #MALFORMED} or {@link #FAILED}. */
    public static final String REASON = "reason";
    /** The record could not be parsed or does not fit its event type. */
    public static final String MALFORMED = "malformed";
    /** Applying a well-formed record failed. */
    public static final String FAILED = "failed";

    private RapportMetrics() {
    }
}

package io.rapport.platform.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * The consumer metrics of an incoming Kafka channel ({@code mp.messaging.incoming.<channel>.*}):
 * {@code rapport_fold_records_total}, {@code rapport_dead_letters_total} and
 * {@code rapport_consumer_lag}, tagged with the channel's consumer group and topic (see
 * {@link RapportMetrics}). Get one per channel with {@link #channel(String)} (it registers the
 * meters, the dead-letter counters at 0 so that an alert on their increase sees the first one), then
 * call {@link Channel#folded(int)} once records are applied and {@link Channel#deadLettered(String, int)}
 * where records go to the dead-letter topic.
 *
 * <p>The lag is read from the channel's Kafka consumers themselves (every copy of the channel when it
 * has a {@code concurrency}): the sum of their {@code records-lag} metrics, i.e. the records between each
 * assigned partition's position and its high watermark at the last fetch. It covers the partitions this
 * replica holds; the group's total, whoever holds them, is the Kafka exporter's
 * {@code kafka_consumergroup_lag}.
 */
@ApplicationScoped
public class ConsumerMetrics {

    private final MeterRegistry registry;
    private final Instance<KafkaClientService> kafka;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();

    public ConsumerMetrics(MeterRegistry registry, Instance<KafkaClientService> kafka) {
        this.registry = registry;
        this.kafka = kafka;
    }

    /**
     * Registers the metrics of every incoming Kafka channel at start, so that they exist (at 0) before the
     * first record: an alert on their increase then sees the first dead letter.
     */
    void onStart(@Observes StartupEvent event) {
        Config config = ConfigProvider.getConfig();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".connector")
                && "smallrye-kafka".equals(config.getOptionalValue(name, String.class).orElse(""))) {
                channel(name.substring("mp.messaging.incoming.".length(), name.length() - ".connector".length()));
            }
        }
    }

    /** The metrics of an incoming channel; its group and topic come from the channel's configuration. */
    public Channel channel(String channel) {
        return channels.computeIfAbsent(channel, this::create);
    }

    private Channel create(String channel) {
        Config config = ConfigProvider.getConfig();
        String prefix = "mp.messaging.incoming." + channel + ".";
        String topic = config.getOptionalValue(prefix + "topic", String.class).orElse(channel);
        String group = config.getOptionalValue(prefix + "group.id", String.class)
            .orElseGet(() -> config.getValue("quarkus.application.name", String.class));
        Tags tags = Tags.of(RapportMetrics.GROUP, group, RapportMetrics.TOPIC, topic);
        Channel metrics = new Channel(
            Counter.builder(RapportMetrics.FOLD_RECORDS).tags(tags)
                .description("Consumed records applied to the service's own state").register(registry),
            deadLetters(tags, RapportMetrics.MALFORMED), deadLetters(tags, RapportMetrics.FAILED));
        Gauge.builder(RapportMetrics.CONSUMER_LAG, this, m -> m.lag(channel, topic)).tags(tags)
            .description("Records behind the log end on the partitions this replica holds")
            .strongReference(true).register(registry);
        return metrics;
    }

    private Counter deadLetters(Tags tags, String reason) {
        return Counter.builder(RapportMetrics.DEAD_LETTERS).tags(tags.and(RapportMetrics.REASON, reason))
            .description("Records sent to the dead-letter topic").register(registry);
    }

    /** The records-lag of every partition the channel's consumers hold, summed; 0 before the first fetch. */
    double lag(String channel, String topic) {
        if (!kafka.isResolvable()) {
            return 0;
        }
        List<KafkaConsumer<Object, Object>> consumers = kafka.get().getConsumers(channel);
        double sum = 0;
        for (KafkaConsumer<Object, Object> consumer : consumers) {
            // Consumer.metrics() reads Kafka's concurrent metric registry: safe off the polling thread
            sum += recordsLag(consumer.unwrap().metrics(), topic);
        }
        return sum;
    }

    /**
     * Sums Kafka's per-partition {@code records-lag} of one topic. Kafka has tagged these metrics with
     * the topic name as it is and with its dots replaced by underscores; a partition counts once.
     */
    static double recordsLag(Map<MetricName, ? extends Metric> metrics, String topic) {
        String legacy = topic.replace('.', '_');
        Map<String, Double> perPartition = new HashMap<>();
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName name = e.getKey();
            String tagged = name.tags().get("topic");
            String partition = name.tags().get("partition");
            if (!"records-lag".equals(name.name()) || !"consumer-fetch-manager-metrics".equals(name.group())
                || partition == null || !(topic.equals(tagged) || legacy.equals(tagged))) {
                continue;
            }
            if (e.getValue().metricValue() instanceof Number n && Double.isFinite(n.doubleValue())) {
                perPartition.merge(name.tags().getOrDefault("client-id", "") + "/" + partition, n.doubleValue(), Math::max);
            }
        }
        return perPartition.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The counters of one channel. */
    public static final class Channel {

        private final Counter folded;
        private final Counter malformed;
        private final Counter failed;

        Channel(Counter folded, Counter malformed, Counter failed) {
            this.folded = folded;
            this.malformed = malformed;
            this.failed = failed;
        }

        /** Records applied (including those skipped as already processed or of a type the service ignores). */
        public void folded(int records) {
            folded.increment(records);
        }

        /** Records sent to the dead-letter topic, with {@link RapportMetrics#MALFORMED} or {@link RapportMetrics#FAILED}. */
        public void deadLettered(String reason, int records) {
            (RapportMetrics.MALFORMED.equals(reason) ? malformed : failed).increment(records);
        }
    }
}

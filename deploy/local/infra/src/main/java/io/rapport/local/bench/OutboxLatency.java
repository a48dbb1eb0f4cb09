package io.rapport.local.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Publishing latency of an outbox: for every record of a topic since a given instant, the time from
 * the event's creation in the outbox (the CloudEvent {@code time}, set in the writing transaction)
 * to the producer's send (the record's CreateTime). Prints count, p50, p95, p99 and max.
 *
 * <p>Options: {@code --bootstrap} (default 127.0.0.1:9092), {@code --topic}, {@code --since} (ISO instant).
 */
public final class OutboxLatency {

    private static final Pattern TIME = Pattern.compile("\"time\"\\s*:\\s*\"([^\"]+)\"");

    private OutboxLatency() {
    }

    public static void main(String[] args) {
        String bootstrap = "127.0.0.1:9092";
        String topic = null;
        Instant since = Instant.EPOCH;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = args[++i];
                case "--topic" -> topic = args[++i];
                case "--since" -> since = Instant.parse(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (topic == null) {
            throw new IllegalArgumentException("--topic is required");
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Long> latenciesMicros = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            String t = topic;
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(t, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> query = new java.util.HashMap<>();
            for (TopicPartition p : partitions) {
                query.put(p, since.toEpochMilli());
            }
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query);
            for (TopicPartition p : partitions) {
                OffsetAndTimestamp start = starts.get(p);
                consumer.seek(p, start == null ? ends.get(p) : start.offset());
            }
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    Matcher m = TIME.matcher(r.value());
                    if (m.find()) {
                        Instant created = Instant.parse(m.group(1));
                        long micros = r.timestamp() * 1000 - (created.getEpochSecond() * 1_000_000 + created.getNano() / 1000);
                        latenciesMicros.add(micros);
                    }
                }
            }
        }
        if (latenciesMicros.isEmpty()) {
            System.out.println("no records on " + topic + " since " + since);
            return;
        }
        latenciesMicros.sort(Long::compare);
        System.out.printf("records=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms%n", latenciesMicros.size(),
            percentile(latenciesMicros, 50), percentile(latenciesMicros, 95), percentile(latenciesMicros, 99),
            latenciesMicros.get(latenciesMicros.size() - 1) / 1000.0);
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}

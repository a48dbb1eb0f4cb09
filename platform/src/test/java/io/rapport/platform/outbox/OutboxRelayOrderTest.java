package io.rapport.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The relay's batch rule, against a {@link MockProducer} whose sends the test acknowledges or fails
 * one by one, in send order: an event of a key is never sent before every earlier event of that key
 * was acknowledged, so a failed send can never let a later event of its key overtake it.
 */
class OutboxRelayOrderTest {

    /** Acknowledges or fails each send as it arrives, per the script; collects what Kafka accepted. */
    private static final class Broker {
        final MockProducer<String, String> producer =
            new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());
        final List<String> accepted = new ArrayList<>(); // event ids, in the order Kafka acknowledged them

        /** Runs one batch; {@code fail} says which sent rows (by event id) the broker refuses. */
        OutboxRelay.BatchResult batch(List<OutboxEvent> rows, Predicate<String> fail) throws Exception {
            int before = producer.history().size();
            CompletableFuture<OutboxRelay.BatchResult> result =
                CompletableFuture.supplyAsync(() -> OutboxRelay.sendBatch(producer, rows));
            int handled = before;
            while (!result.isDone() || handled < producer.history().size()) {
                if (handled < producer.history().size()) {
                    ProducerRecord<String, String> record = producer.history().get(handled);
                    String id = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
                    if (fail.test(id)) {
                        assertTrue(producer.errorNext(new TimeoutException("expired")));
                    } else {
                        assertTrue(producer.completeNext());
                        accepted.add(id);
                    }
                    handled++;
                } else {
                    Thread.sleep(5);
                }
            }
            return result.get(10, TimeUnit.SECONDS);
        }
    }

    private long seq;

    private OutboxEvent row(String key, String name) {
        OutboxEvent row = new OutboxEvent();
        row.seq = ++seq;
        row.id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        row.topic = "rapport.test.v1";
        row.messageKey = key;
        row.eventType = "rapport.test." + name;
        row.payload = "{\"name\":\"" + name + "\"}";
        row.createdAt = Instant.now();
        return row;
    }

    private static String id(OutboxEvent row) {
        return row.id.toString();
    }

    @Test
    void aFailedSendOfAKeyIsNeverOvertakenByALaterEventOfThatKey() throws Exception {
        OutboxEvent a1 = row("A", "a1");
        OutboxEvent b1 = row("B", "b1");
        OutboxEvent a2 = row("A", "a2");
        List<OutboxEvent> outbox = new ArrayList<>(List.of(a1, b1, a2));
        Broker broker = new Broker();

        // the broker refuses a1: a2 must not have been sent, b1 (another key) goes through
        OutboxRelay.BatchResult first = broker.batch(outbox, id -> id.equals(id(a1)));
        assertTrue(first.failed());
        assertEquals(List.of(b1.seq), first.acknowledged(), "only b1 may be deleted");
        assertEquals(List.of(id(b1)), broker.accepted, "a2 did not reach Kafka while a1 was not acknowledged");
        assertFalse(broker.producer.history().stream().anyMatch(r -> r.value().contains("a2")), "a2 was not even sent");
        outbox.removeIf(r -> first.acknowledged().contains(r.seq));

        // next attempts: a1, then a2
        while (!outbox.isEmpty()) {
            OutboxRelay.BatchResult next = broker.batch(outbox, id -> false);
            assertFalse(next.failed());
            outbox.removeIf(r -> next.acknowledged().contains(r.seq));
        }
        assertEquals(List.of(id(b1), id(a1), id(a2)), broker.accepted, "per key, Kafka got the events in outbox order");
    }

    @Test
    void eventsOfDistinctKeysGoInOneBatchAndLaterEventsOfAKeyInTheNext() throws Exception {
        List<OutboxEvent> outbox = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outbox.add(row("K" + i, "first-" + i));
        }
        outbox.add(row("K0", "second-0"));
        outbox.add(row("K1", "second-1"));
        Broker broker = new Broker();

        OutboxRelay.BatchResult first = broker.batch(outbox, id -> false);
        assertFalse(first.failed());
        assertEquals(7, first.fetched());
        assertEquals(5, first.acknowledged().size(), "the first event of each key");
        assertEquals(2, first.deferred(), "the second events of K0 and K1 wait for the next batch");
        outbox.removeIf(r -> first.acknowledged().contains(r.seq));

        OutboxRelay.BatchResult second = broker.batch(outbox, id -> false);
        assertEquals(2, second.acknowledged().size());
        assertEquals(0, second.deferred());
    }

    @Test
    void recordsCarryTheStoredTraceContext() {
        OutboxEvent traced = row("A", "traced");
        traced.traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        traced.tracestate = "congo=t61rcWkgMzE";
        ProducerRecord<String, String> record = OutboxRelay.record(traced);
        assertEquals(traced.traceparent, new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8));
        assertEquals(traced.tracestate, new String(record.headers().lastHeader("tracestate").value(), StandardCharsets.UTF_8));
        assertEquals(id(traced), new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
        // the set consumers' tests publish with (RelayHeaders) is the one the relay sends, in its order
        assertEquals(List.of("content-type", "ce_id", "ce_type", "traceparent", "tracestate"),
            Arrays.stream(record.headers().toArray()).map(Header::key).toList());
        assertEquals(RelayHeaders.of(id(traced), traced.eventType, traced.traceparent, traced.tracestate), record.headers());
        assertEquals(RelayHeaders.CLOUDEVENTS_JSON,
            new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));

        ProducerRecord<String, String> untraced = OutboxRelay.record(row("A", "untraced"));
        assertEquals(null, untraced.headers().lastHeader("traceparent"));
        assertEquals(null, untraced.headers().lastHeader("tracestate"));
        assertEquals(List.of("content-type", "ce_id", "ce_type"),
            Arrays.stream(untraced.headers().toArray()).map(Header::key).toList());
    }
}

package io.rapport.e2e;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.rapport.e2e.Gateway.Answer;

/**
 * Runs {@code count} numbered writes on a few threads (each call numbered once, in increasing order) and
 * keeps every answer; {@link #completed()} lets a fault be injected when a given number of writes is done.
 */
final class Writers {

    private final Answer[] answers;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final List<Future<?>> running = new ArrayList<>();
    private final ExecutorService pool;

    private Writers(int count, int threads) {
        this.answers = new Answer[count];
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /** Starts the writes; {@code write} makes the i-th call. */
    static Writers start(int count, int threads, IntFunction<Answer> write) {
        Writers w = new Writers(count, threads);
        for (int t = 0; t < threads; t++) {
            w.running.add(w.pool.submit(() -> {
                for (int i = w.next.getAndIncrement(); i < count; i = w.next.getAndIncrement()) {
                    w.answers[i] = write.apply(i);
                    w.done.incrementAndGet();
                }
            }));
        }
        return w;
    }

    int completed() {
        return done.get();
    }

    /** Waits until {@code n} writes are done (or all of them). */
    void awaitCompleted(int n) {
        while (completed() < Math.min(n, answers.length)) {
            ServiceProcess.sleep(20);
        }
    }

    /** Waits for every write and returns the answers, in write order. */
    List<Answer> finish() {
        try {
            for (Future<?> f : running) {
                f.get(10, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new IllegalStateException("a writer failed", e);
        } finally {
            pool.shutdownNow();
        }
        return Arrays.asList(answers);
    }

    /** How many answers had each status. */
    static Map<Integer, Integer> byStatus(List<Answer> answers) {
        Map<Integer, Integer> counts = new TreeMap<>();
        answers.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
        return counts;
    }

    /** p50 / p99 / max latency in ms. */
    static String latencies(List<Answer> answers) {
        long[] ms = answers.stream().mapToLong(Answer::millis).sorted().toArray();
        if (ms.length == 0) {
            return "no calls";
        }
        return "p50 " + ms[ms.length / 2] + " ms, p99 " + ms[Math.min(ms.length - 1, (int) (ms.length * 0.99))] + " ms, max "
            + ms[ms.length - 1] + " ms";
    }
}

package io.rapport.gateway;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** One token bucket per principal. Thread-safe; the clock is injectable for tests. */
public final class TokenBucketRateLimiter {

    /** Outcome: allowed, or refused with the seconds after which a token will be there. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long lastNanos;
        long lastUsedNanos;
    }

    private final double capacity;
    private final double refillPerNano;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int maxBuckets;

    public TokenBucketRateLimiter(int capacity, double refillPerSecond, LongSupplier nanoClock) {
        this(capacity, refillPerSecond, nanoClock, 100_000);
    }

    TokenBucketRateLimiter(int capacity, double refillPerSecond, LongSupplier nanoClock, int maxBuckets) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("rate limit: capacity must be >= 1 and refill > 0");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.nanoClock = nanoClock;
        this.maxBuckets = maxBuckets;
    }

    public Decision tryAcquire(String principal) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > maxBuckets) {
            evictIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(principal, k -> {
            Bucket b = new Bucket();
            b.tokens = capacity;
            b.lastNanos = now;
            return b;
        });
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.lastNanos) * refillPerNano);
            bucket.lastNanos = now;
            bucket.lastUsedNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            double missingNanos = (1 - bucket.tokens) / refillPerNano;
            return new Decision(false, Math.max(1, (long) Math.ceil(missingNanos / 1e9)));
        }
    }

    /** Forgets buckets that are full again (idle long enough to have refilled): they carry no state. */
    private void evictIdle(long now) {
        double fullAfterNanos = capacity / refillPerNano;
        buckets.entrySet().removeIf(e -> now - e.getValue().lastUsedNanos > fullAfterNanos);
    }
}

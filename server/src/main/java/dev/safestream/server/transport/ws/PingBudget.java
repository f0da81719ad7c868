package dev.safestream.server.transport.ws;

import java.util.function.LongSupplier;

/**
 * How many pings a client may send: a token bucket per connection, refilled at {@code perSecond} and holding
 * {@link #BURST_SECONDS} seconds' worth. Every ping makes the server queue a pong, so a client that pings without
 * reading would otherwise pile pongs up in memory without bound (issue 23, C1). Browsers never ping; libraries ping
 * every few seconds at most.
 *
 * <p>The buckets live in each connection's {@link FrameGuard.State} and are only touched on that connection's
 * selector thread.
 */
final class PingBudget {
    static final int BURST_SECONDS = 5;

    private final int perSecond;
    private final LongSupplier ticker;

    /**
     * @param perSecond pings a second a client may keep sending (CLIENT_PINGS_PER_SECOND); 0 turns the limit off
     * @param ticker elapsed nanoseconds ({@code System::nanoTime} in the server)
     */
    PingBudget(int perSecond, LongSupplier ticker) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("pings per second must not be negative");
        }
        this.perSecond = perSecond;
        this.ticker = ticker;
    }

    int perSecond() {
        return perSecond;
    }

    /** One connection's bucket; full when the connection opens. */
    static final class Bucket {
        private double tokens = Double.NaN;
        private long refilledAt;
    }

    /** Takes {@code pings} from the bucket; false when it does not hold that many (the client is flooding). */
    boolean take(Bucket bucket, int pings) {
        if (perSecond == 0) {
            return true;
        }
        long now = ticker.getAsLong();
        double capacity = (double) perSecond * BURST_SECONDS;
        if (Double.isNaN(bucket.tokens)) {
            bucket.tokens = capacity;
        } else {
            double refill = (now - bucket.refilledAt) / 1e9 * perSecond;
            bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, refill));
        }
        bucket.refilledAt = now;
        if (bucket.tokens < pings) {
            bucket.tokens = 0;
            return false;
        }
        bucket.tokens -= pings;
        return true;
    }
}

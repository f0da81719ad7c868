package dev.safestream.tools.loadtest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Counters shared by every connection of a run. Thread-safe: listeners of all connections record concurrently. */
final class LoadStats {
    /** Latencies are recorded in microseconds, up to an hour. */
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Recorder latency = new Recorder(1, HIGHEST_MICROS, 3);
    final LongAdder deliveries = new LongAdder();
    final LongAdder frames = new LongAdder();
    final LongAdder otherChats = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder attempted = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    final LongAdder transportErrors = new LongAdder();
    private final Map<Integer, LongAdder> closes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private volatile long lastDeliveryNanos;

    /** One load-test message arrived {@code latencyNanos} after it was sent. */
    void delivered(long latencyNanos, long receivedNanos) {
        deliveries.increment();
        latency.recordValue(Math.clamp(latencyNanos / 1_000, 0, HIGHEST_MICROS));
        lastDeliveryNanos = receivedNanos;
    }

    long lastDeliveryNanos() {
        return lastDeliveryNanos;
    }

    /** The server closed a connection that had been welcomed. */
    void closed(int code) {
        closes.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /** A connection attempt failed; {@code reason} groups failures in the report. */
    void failed(String reason) {
        failures.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** Everything recorded so far; call once, at the end. */
    Histogram latencyHistogram() {
        return latency.getIntervalHistogram();
    }

    Map<Integer, Long> closesByCode() {
        Map<Integer, Long> out = new TreeMap<>();
        closes.forEach((code, n) -> out.put(code, n.sum()));
        return out;
    }

    Map<String, Long> failuresByReason() {
        Map<String, Long> out = new TreeMap<>();
        failures.forEach((reason, n) -> out.put(reason, n.sum()));
        return out;
    }

    long failureCount() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }
}

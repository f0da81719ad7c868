package dev.safestream.server.workers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code safestream_worker_failures_total{worker}}: a task or a message that threw and was contained;
 * {@code safestream_worker_restarts_total{worker}}: a worker thread that died and was started again.
 */
public final class WorkerMeters {
    private final MeterRegistry registry;

    public WorkerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Shows a supervised worker's counters at zero before anything goes wrong, so that an alert on their increase
     * sees the first restart (a series born at 1 has no earlier sample to compare with).
     */
    public void supervising(String worker) {
        failures(worker, registry);
        restarts(worker, registry);
    }

    public void failed(String worker) {
        failures(worker, registry).increment();
    }

    public void restarted(String worker) {
        restarts(worker, registry).increment();
    }

    private static Counter failures(String worker, MeterRegistry registry) {
        return Counter.builder("safestream_worker_failures")
                .description("failures contained by a worker (one task, message or connection), by worker")
                .tag("worker", worker)
                .register(registry);
    }

    private static Counter restarts(String worker, MeterRegistry registry) {
        return Counter.builder("safestream_worker_restarts")
                .description("worker threads that died and were restarted, by worker")
                .tag("worker", worker)
                .register(registry);
    }

    public double failures(String worker) {
        Counter c = registry.find("safestream_worker_failures")
                .tag("worker", worker)
                .counter();
        return c == null ? 0 : c.count();
    }

    public double restarts(String worker) {
        Counter c = registry.find("safestream_worker_restarts")
                .tag("worker", worker)
                .counter();
        return c == null ? 0 : c.count();
    }
}

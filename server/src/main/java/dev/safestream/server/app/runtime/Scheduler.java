package dev.safestream.server.app.runtime;

import dev.safestream.server.workers.Guarded;
import dev.safestream.server.workers.WorkerMeters;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server's one timer thread ({@code safestream-scheduler}): channel figures, the WebSocket sweep, simulated
 * gifts. A task that throws is counted and logged and keeps its schedule.
 */
public final class Scheduler implements AutoCloseable {
    private static final String NAME = "safestream-scheduler";

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name(NAME).daemon(true).factory());
    private final WorkerMeters meters;

    public Scheduler(WorkerMeters meters) {
        this.meters = meters;
    }

    /** Runs {@code task} every {@code period}, first after one period. */
    public void every(Duration period, Runnable task) {
        long millis = period.toMillis();
        executor.scheduleAtFixedRate(Guarded.task(NAME, meters, task), millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

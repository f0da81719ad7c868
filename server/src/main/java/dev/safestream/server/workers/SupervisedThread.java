package dev.safestream.server.workers;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long-lived worker thread that is started again when its loop dies. The loop itself is expected to contain
 * failures of single items (and count them with {@link WorkerMeters#failed}); anything that still escapes it is
 * logged once with its cause, counted in {@code safestream_worker_restarts_total{worker}} and the loop runs again on
 * a fresh thread of the same name. Restarts in quick succession are spaced by {@link #RESTART_SPACING} so a worker
 * that fails at once cannot spin. A loop that returns normally has finished (it was asked to stop).
 */
public final class SupervisedThread {
    static final Duration RESTART_SPACING = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(SupervisedThread.class);

    private final String name;
    private final boolean daemon;
    private final Runnable loop;
    private final WorkerMeters meters;
    private volatile Thread current;
    private volatile long lastRestartNanos = System.nanoTime() - RESTART_SPACING.toNanos();

    public SupervisedThread(String name, boolean daemon, Runnable loop, WorkerMeters meters) {
        this.name = name;
        this.daemon = daemon;
        this.loop = loop;
        this.meters = meters;
        meters.supervising(name);
    }

    public void start() {
        current = Thread.ofPlatform().name(name).daemon(daemon).start(this::runLoop);
    }

    private void runLoop() {
        try {
            loop.run();
        } catch (Throwable t) {
            meters.restarted(name);
            log.error("Worker {} died and is being restarted", name, t);
            spaceRestarts();
            start();
        }
    }

    private void spaceRestarts() {
        long sinceLast = System.nanoTime() - lastRestartNanos;
        long wait = RESTART_SPACING.toNanos() - sinceLast;
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lastRestartNanos = System.nanoTime();
    }

    /** Whether the worker's thread is running (false only between a death and its restart, or after it finished). */
    public boolean alive() {
        Thread t = current;
        return t != null && t.isAlive();
    }

    /** Waits for the loop to finish, following restarts. */
    public void join(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Thread t;
        while ((t = current) != null && System.nanoTime() < deadline) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (!t.isAlive() && current == t) {
                return;
            }
        }
    }
}

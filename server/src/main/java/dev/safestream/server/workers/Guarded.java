package dev.safestream.server.workers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a task for an executor so that whatever it throws ({@link Error}s included) is logged and counted and the
 * executor's thread lives on. A scheduled task that throws would otherwise never run again, and a single-thread
 * executor would silently replace its thread.
 */
public final class Guarded {
    private static final Logger log = LoggerFactory.getLogger(Guarded.class);

    private Guarded() {}

    public static Runnable task(String worker, WorkerMeters meters, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable t) {
                meters.failed(worker);
                log.error("A {} task failed; the worker carries on", worker, t);
            }
        };
    }
}

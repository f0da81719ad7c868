package dev.safestream.server.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SupervisedThreadTest {
    private final WorkerMeters meters = new WorkerMeters(new SimpleMeterRegistry());

    @Test
    void aLoopKilledByAnErrorIsStartedAgainAndCounted() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch finish = new CountDownLatch(1);
        SupervisedThread worker = new SupervisedThread(
                "test-worker",
                true,
                () -> {
                    if (runs.incrementAndGet() == 1) {
                        throw new OutOfMemoryError("simulated");
                    }
                    try {
                        finish.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                meters);
        worker.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 2 && worker.alive());
        assertThat(meters.restarts("test-worker")).isEqualTo(1);

        finish.countDown();
        worker.join(Duration.ofSeconds(10));
        assertThat(worker.alive()).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void guardedTasksCountTheirFailuresAndReturn() {
        Runnable task = Guarded.task("test-task", meters, () -> {
            throw new StackOverflowError("simulated");
        });
        task.run();
        task.run();
        assertThat(meters.failures("test-task")).isEqualTo(2);
    }
}

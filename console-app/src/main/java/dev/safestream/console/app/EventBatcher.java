package dev.safestream.console.app;

import dev.safestream.console.ui.UiExecutor;
import dev.safestream.protocol.ServerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects events from the network thread and hands them to the view models in batches on the UI thread: at most
 * one UI task is queued at a time, so at 500 messages/s the UI applies one list change per pulse instead of 500.
 *
 * <p>Threads: {@link #offer} from any thread, never blocks; subscribers run on the UI thread.
 */
public final class EventBatcher {
    private final Queue<ServerEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final List<Consumer<List<ServerEvent>>> subscribers = new CopyOnWriteArrayList<>();
    private final UiExecutor ui;

    public EventBatcher(UiExecutor ui) {
        this.ui = ui;
    }

    /** Registers a consumer of batches (called on the UI thread, in subscription order). */
    public void subscribe(Consumer<List<ServerEvent>> subscriber) {
        subscribers.add(subscriber);
    }

    /** Queues one event; schedules a drain unless one is already queued. */
    public void offer(ServerEvent event) {
        pending.add(event);
        if (scheduled.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<ServerEvent> batch = new ArrayList<>();
        for (ServerEvent e; (e = pending.poll()) != null; ) {
            batch.add(e);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<ServerEvent> view = List.copyOf(batch);
        for (Consumer<List<ServerEvent>> s : subscribers) {
            s.accept(view);
        }
    }
}

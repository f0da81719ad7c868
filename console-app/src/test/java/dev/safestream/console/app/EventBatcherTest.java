package dev.safestream.console.app;

import static dev.safestream.console.feed.Events.moderated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.protocol.ServerEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class EventBatcherTest {
    @Test
    void eventsOfferedBeforeTheUiRunsArriveAsOneBatch() {
        Queue<Runnable> uiQueue = new ArrayDeque<>();
        EventBatcher batcher = new EventBatcher(uiQueue::add);
        List<List<ServerEvent>> batches = new ArrayList<>();
        batcher.subscribe(batches::add);

        for (int i = 0; i < 500; i++) {
            batcher.offer(moderated(i, "u", "m", 0, "allow"));
        }

        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();
        assertThat(batches).singleElement().satisfies(b -> assertThat(b).hasSize(500));

        batcher.offer(moderated(500, "u", "m", 0, "allow"));
        assertThat(uiQueue).hasSize(1);
    }
}

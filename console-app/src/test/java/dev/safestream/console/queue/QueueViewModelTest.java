package dev.safestream.console.queue;

import static dev.safestream.console.feed.Events.decided;
import static dev.safestream.console.feed.Events.held;
import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.console.net.FakeServerClient;
import dev.safestream.console.net.QueueItem;
import dev.safestream.console.ui.UiExecutor;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueViewModelTest {
    private final FakeServerClient client = new FakeServerClient();
    private final QueueViewModel queue = new QueueViewModel(client, UiExecutor.direct(), "main");

    @Test
    void heldEventsJoinTheQueueAndTheFirstIsSelected() {
        queue.apply(List.of(held(1, "bob", "first"), held(2, "eve", "second"), held(1, "bob", "first")));

        assertThat(queue.pending()).extracting(QueueItem::id).containsExactly(1L, 2L);
        assertThat(queue.selectedProperty().get().id()).isEqualTo(1);
        assertThat(queue.sizeProperty().get()).isEqualTo(2);
    }

    @Test
    void decidingTheSelectedItemSendsTheDecisionAndSelectsTheNext() {
        client.queue = List.of(item(1), item(2));
        queue.load().join();

        queue.decideSelected(QueueViewModel.APPROVE, "fine").join();

        assertThat(client.decisions).containsExactly("1:approve");
        assertThat(queue.pending()).extracting(QueueItem::id).containsExactly(2L);
        assertThat(queue.selectedProperty().get().id()).isEqualTo(2);
        assertThat(queue.statusProperty().get()).contains("approved").contains("bob");
    }

    @Test
    void anotherModeratorsDecisionRemovesTheItemAndSaysWhoDecided() {
        queue.apply(List.of(held(7, "bob", "hmm")));

        queue.apply(List.of(decided(7, "mod2", "reject", "rejected")));

        assertThat(queue.pending()).isEmpty();
        assertThat(queue.selectedProperty().get()).isNull();
        assertThat(queue.statusProperty().get()).isEqualTo("mod2 rejected bob's message → rejected");
        assertThat(queue.lastDecided().decisions())
                .extracting(QueueItem.Decision::moderator)
                .containsExactly("mod2");
    }

    @Test
    void aFailedDecisionKeepsTheItemAndSaysWhy() {
        client.queue = List.of(item(1));
        queue.load().join();
        client.failure = new IllegalStateException("already decided");

        queue.decideSelected(QueueViewModel.REJECT, null).join();

        assertThat(queue.pending()).hasSize(1);
        assertThat(queue.statusProperty().get()).isEqualTo("reject failed: already decided");
    }

    private static QueueItem item(long id) {
        return new QueueItem(id, "main", "bob", "text " + id, 0.5, null, null, Instant.EPOCH, "pending", null);
    }
}

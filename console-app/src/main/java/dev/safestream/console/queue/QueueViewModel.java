package dev.safestream.console.queue;

import dev.safestream.console.net.QueueItem;
import dev.safestream.console.net.ServerClient;
import dev.safestream.console.ui.Failures;
import dev.safestream.console.ui.UiExecutor;
import dev.safestream.protocol.MessageHeld;
import dev.safestream.protocol.ReviewDecided;
import dev.safestream.protocol.ServerEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The review queue: held messages waiting for a decision, oldest first. A snapshot over REST starts it
 * ({@link #load}); {@code held} and {@code decided} events keep it current. An item stays listed after a decision
 * until its merged state is final for this moderator's view: it leaves once anyone decided, and the status line says
 * who (most restrictive wins on the server).
 *
 * <p>Threads: UI thread; REST answers come back through the {@link UiExecutor}.
 */
public final class QueueViewModel {
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final String HIGHLIGHT = "highlight";

    private final ServerClient client;
    private final UiExecutor ui;
    private final String channel;
    private final ObservableList<QueueItem> pending = FXCollections.observableArrayList();
    private final ObjectProperty<QueueItem> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper();
    private QueueItem lastDecided;

    public QueueViewModel(ServerClient client, UiExecutor ui, String channel) {
        this.client = client;
        this.ui = ui;
        this.channel = channel;
        pending.addListener((ListChangeListener<QueueItem>) c -> size.set(pending.size()));
    }

    /** Replaces the list with the server's pending queue. */
    public CompletableFuture<Void> load() {
        return client.pendingQueue(channel)
                .thenAcceptAsync(
                        items -> {
                            pending.setAll(items);
                            selectFirstIfNone();
                        },
                        ui)
                .exceptionally(e -> {
                    ui.execute(() -> status.set("queue: " + Failures.message(e)));
                    return null;
                });
    }

    /** Applies held and decided events from the stream. */
    public void apply(List<ServerEvent> events) {
        for (ServerEvent event : events) {
            switch (event) {
                case MessageHeld h -> {
                    if (h.channel().equals(channel) && find(h.id()).isEmpty()) {
                        pending.add(new QueueItem(
                                h.id(),
                                h.channel(),
                                h.user(),
                                h.message(),
                                h.score(),
                                h.categories(),
                                h.explanation(),
                                h.ts(),
                                "pending",
                                List.of()));
                    }
                }
                case ReviewDecided d -> decided(d);
                default -> {}
            }
        }
        selectFirstIfNone();
    }

    private void decided(ReviewDecided d) {
        find(d.id()).ifPresent(item -> {
            int at = pending.indexOf(item);
            QueueItem now = item.withDecision(
                    d.state(), new QueueItem.Decision(d.moderator(), d.decision(), d.reason(), d.ts()));
            boolean wasSelected = item.equals(selected.get());
            pending.remove(at);
            status.set(d.moderator() + " " + pastTense(d.decision()) + " " + d.user() + "'s message → " + d.state());
            if (wasSelected) {
                selected.set(pending.isEmpty() ? null : pending.get(Math.min(at, pending.size() - 1)));
            }
            lastDecided = now;
        });
    }

    /** The latest item someone decided, with every decision (to show others' decisions). */
    public QueueItem lastDecided() {
        return lastDecided;
    }

    /** Decides the selected item; the server's {@code decided} event removes it from the list. */
    public CompletableFuture<QueueItem> decideSelected(String decision, String reason) {
        QueueItem item = selected.get();
        if (item == null) {
            status.set("nothing selected");
            return CompletableFuture.completedFuture(null);
        }
        status.set(decision + " " + item.user() + "…");
        return client.decide(item.id(), decision, reason)
                .handleAsync(
                        (result, error) -> {
                            if (error != null) {
                                status.set(decision + " failed: " + Failures.message(error));
                                return null;
                            } else {
                                status.set("you " + pastTense(decision) + " " + item.user() + "'s message → "
                                        + result.state() + others(result));
                                pending.removeIf(i -> i.id() == item.id());
                                if (item.equals(selected.get()) || selected.get() == null) {
                                    selected.set(pending.isEmpty() ? null : pending.getFirst());
                                }
                                return result;
                            }
                        },
                        ui);
    }

    private static String others(QueueItem result) {
        long others = result.decisions().size() - 1L;
        return others > 0 ? " (" + others + " earlier decision" + (others == 1 ? "" : "s") + ")" : "";
    }

    private void selectFirstIfNone() {
        if (selected.get() == null && !pending.isEmpty()) {
            selected.set(pending.getFirst());
        }
    }

    private Optional<QueueItem> find(long id) {
        return pending.stream().filter(i -> i.id() == id).findFirst();
    }

    static String pastTense(String decision) {
        return switch (decision) {
            case APPROVE -> "approved";
            case REJECT -> "rejected";
            case HIGHLIGHT -> "highlighted";
            default -> decision;
        };
    }

    public ObservableList<QueueItem> pending() {
        return pending;
    }

    public ObjectProperty<QueueItem> selectedProperty() {
        return selected;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ReadOnlyIntegerProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }
}

package dev.safestream.console.feed;

import dev.safestream.protocol.ChatPosted;
import dev.safestream.protocol.MessageDeleted;
import dev.safestream.protocol.MessageHeld;
import dev.safestream.protocol.MessageModerated;
import dev.safestream.protocol.MessagesCleared;
import dev.safestream.protocol.ReviewDecided;
import dev.safestream.protocol.ServerEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The live feed: every message of the moderator stream, newest last, at most {@code capacity} of them. Moderators
 * receive both {@code moderated} and {@code chat} for a message; the feed keeps one row per id and folds later
 * events (an approval, a highlight) into it.
 *
 * <p>Paused (hover, or the pause key), new messages wait in a bounded buffer and {@link #newWhilePaused()} counts
 * them; resuming appends them in one change. Threads: UI thread only.
 */
public final class FeedViewModel {
    private final int capacity;
    private final ObservableList<FeedItem> items = FXCollections.observableArrayList();
    private final FilteredList<FeedItem> visible = new FilteredList<>(items);
    private final Map<Long, FeedItem> byId = new HashMap<>();
    private final List<FeedItem> buffer = new ArrayList<>();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final IntegerProperty newWhilePaused = new SimpleIntegerProperty();
    private final ObjectProperty<FeedFilter> filter = new SimpleObjectProperty<>(FeedFilter.ALL);

    public FeedViewModel(int capacity) {
        this.capacity = capacity;
        visible.predicateProperty().bind(filter);
        paused.addListener((obs, was, now) -> {
            if (!now) {
                flush();
            }
        });
    }

    /** Applies one batch of events from the stream. */
    public void apply(List<ServerEvent> events) {
        List<FeedItem> added = new ArrayList<>();
        for (ServerEvent event : events) {
            switch (event) {
                case MessageModerated m -> addOrReplace(FeedItem.of(m), added);
                case MessageHeld h -> {
                    if (!byId.containsKey(h.id())) {
                        addOrReplace(FeedItem.of(h), added);
                    }
                }
                case ChatPosted c -> onChat(c, added);
                case ReviewDecided d -> review(d.id(), d.state());
                case MessageDeleted d -> deleted(d.id(), d.by());
                case MessagesCleared c -> cleared(c.channel(), c.user());
                default -> {}
            }
        }
        if (added.isEmpty()) {
            return;
        }
        if (paused.get()) {
            buffer.addAll(added);
            if (buffer.size() > capacity) {
                List<FeedItem> dropped = buffer.subList(0, buffer.size() - capacity);
                dropped.forEach(i -> byId.remove(i.id()));
                dropped.clear();
            }
            newWhilePaused.set(buffer.size());
        } else {
            append(added);
        }
    }

    private void onChat(ChatPosted c, List<FeedItem> added) {
        FeedItem known = byId.get(c.id());
        if (known == null) {
            addOrReplace(FeedItem.of(c), added);
        } else if (c.highlighted() && !"highlighted".equals(known.review())) {
            replace(known, known.reviewed("highlighted"));
        }
    }

    private void addOrReplace(FeedItem item, List<FeedItem> added) {
        FeedItem known = byId.get(item.id());
        if (known != null) {
            replace(known, known.mergedInto(item));
            return;
        }
        byId.put(item.id(), item);
        added.add(item);
    }

    /** Marks a message a moderator took back ({@code message_deleted}). */
    public void deleted(long id, String moderator) {
        FeedItem known = byId.get(id);
        if (known != null && !known.deleted()) {
            replace(known, known.deleted(moderator));
        }
    }

    /** Marks every message of {@code user} in {@code channel} as taken back ({@code messages_cleared}). */
    public void cleared(String channel, String user) {
        List.copyOf(byId.values()).stream()
                .filter(i ->
                        !i.deleted() && i.user().equals(user) && i.channel().equals(channel))
                .forEach(i -> replace(i, i.deleted("a moderator")));
    }

    /** Marks a held message as decided. */
    public void review(long id, String state) {
        FeedItem known = byId.get(id);
        if (known != null) {
            replace(known, known.reviewed(state));
        }
    }

    private void replace(FeedItem old, FeedItem now) {
        byId.put(now.id(), now);
        int at = items.lastIndexOf(old);
        if (at >= 0) {
            items.set(at, now);
        } else {
            buffer.replaceAll(i -> i == old ? now : i);
        }
    }

    private void append(List<FeedItem> added) {
        int overflow = items.size() + added.size() - capacity;
        if (overflow > 0) {
            List<FeedItem> dropped = new ArrayList<>(items.subList(0, Math.min(overflow, items.size())));
            dropped.forEach(i -> byId.remove(i.id()));
            items.remove(0, dropped.size());
            if (added.size() > capacity) {
                added.subList(0, added.size() - capacity).forEach(i -> byId.remove(i.id()));
                added = added.subList(added.size() - capacity, added.size());
            }
        }
        items.addAll(added);
    }

    private void flush() {
        if (!buffer.isEmpty()) {
            List<FeedItem> waiting = new ArrayList<>(buffer);
            buffer.clear();
            append(waiting);
        }
        newWhilePaused.set(0);
    }

    /** Every row kept, oldest first. */
    public ObservableList<FeedItem> items() {
        return items;
    }

    /** The rows the filter lets through: what the list shows. */
    public ObservableList<FeedItem> visible() {
        return visible;
    }

    /** The item with this id, if still kept. */
    public FeedItem find(long id) {
        return byId.get(id);
    }

    /** The user's latest kept messages, newest first. */
    public List<FeedItem> byUser(String user, int limit) {
        List<FeedItem> out = new ArrayList<>();
        for (int i = items.size() - 1; i >= 0 && out.size() < limit; i--) {
            if (items.get(i).user().equalsIgnoreCase(user)) {
                out.add(items.get(i));
            }
        }
        return out;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public IntegerProperty newWhilePausedProperty() {
        return newWhilePaused;
    }

    public ObjectProperty<FeedFilter> filterProperty() {
        return filter;
    }

    public void togglePause() {
        paused.set(!paused.get());
    }
}

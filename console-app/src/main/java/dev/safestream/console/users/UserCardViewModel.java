package dev.safestream.console.users;

import dev.safestream.console.feed.FeedItem;
import dev.safestream.console.feed.FeedViewModel;
import dev.safestream.console.net.AuditRecord;
import dev.safestream.console.net.ServerClient;
import dev.safestream.console.net.UserProfile;
import dev.safestream.console.ui.Failures;
import dev.safestream.console.ui.UiExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The card of one user: role and account age, their recent messages with scores (from the feed's history), past
 * actions against them
 * (from the audit log), and this moderator's private notes (kept by {@link UserNotes}).
 *
 * <p>Threads: UI thread; REST answers come back through the {@link UiExecutor}.
 */
public final class UserCardViewModel {
    private static final int RECENT = 30;

    private final ServerClient client;
    private final UiExecutor ui;
    private final String channel;
    private final FeedViewModel feed;
    private final UserNotes notes;
    private final Clock clock;
    private final StringProperty account = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObservableList<FeedItem> recent = FXCollections.observableArrayList();
    private final ObservableList<AuditRecord> actions = FXCollections.observableArrayList();

    public UserCardViewModel(
            ServerClient client, UiExecutor ui, String channel, FeedViewModel feed, UserNotes notes, Clock clock) {
        this.client = client;
        this.ui = ui;
        this.channel = channel;
        this.feed = feed;
        this.notes = notes;
        this.clock = clock;
    }

    /** Shows a user: recent messages at once, past actions when the server answers. */
    public CompletableFuture<Void> show(String username) {
        user.set(username);
        recent.setAll(feed.byUser(username, RECENT));
        note.set(notes.get(username));
        summarise();
        account.set("");
        client.profile(username)
                .thenAcceptAsync(
                        p -> {
                            if (username.equals(user.get())) {
                                account.set(describe(p));
                            }
                        },
                        ui)
                .exceptionally(e -> {
                    ui.execute(() -> account.set("account: " + Failures.message(e)));
                    return null;
                });
        return client.audit(channel, 1000)
                .thenAcceptAsync(
                        all -> {
                            if (username.equals(user.get())) {
                                actions.setAll(all.stream()
                                        .filter(r -> username.equalsIgnoreCase(r.target()))
                                        .toList());
                                summarise();
                            }
                        },
                        ui)
                .exceptionally(e -> {
                    ui.execute(() -> summary.set("actions: " + Failures.message(e)));
                    return null;
                });
    }

    String describe(UserProfile p) {
        if (p.createdAt() == null) {
            return p.role();
        }
        Duration age = Duration.between(p.createdAt(), clock.instant());
        String ageText = age.toDays() >= 1
                ? age.toDays() + (age.toDays() == 1 ? " day" : " days")
                : age.toHours() >= 1 ? age.toHours() + " h" : Math.max(0, age.toMinutes()) + " min";
        return p.role() + " · account " + ageText + " old (since "
                + p.createdAt().toString().substring(0, 10) + ")";
    }

    private void summarise() {
        long actioned =
                recent.stream().filter(i -> !"allow".equals(i.decision())).count();
        double avg = recent.stream().mapToDouble(FeedItem::score).average().orElse(0);
        summary.set(String.format(
                "%d recent messages, %d actioned, mean score %.2f, %d past actions",
                recent.size(), actioned, avg, actions.size()));
    }

    /** Saves the note for the shown user. */
    public void saveNote() {
        if (!user.get().isBlank()) {
            notes.put(user.get(), note.get());
        }
    }

    public StringProperty userProperty() {
        return user;
    }

    /** Role and account age, once the server answered. */
    public StringProperty accountProperty() {
        return account;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public ObservableList<FeedItem> recent() {
        return recent;
    }

    public ObservableList<AuditRecord> actions() {
        return actions;
    }
}

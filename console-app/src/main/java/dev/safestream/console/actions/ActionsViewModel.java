package dev.safestream.console.actions;

import dev.safestream.console.net.ActionResult;
import dev.safestream.console.net.ServerClient;
import dev.safestream.console.net.UserAction;
import dev.safestream.console.ui.Failures;
import dev.safestream.console.ui.UiExecutor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Kick, mute, ban, unban and unmute from anywhere: the feed, the queue and the user card set {@link #targetProperty()}
 * and call {@link #perform}. Validation lives here; the view only asks for confirmation when
 * {@link UserAction.Kind#destructive()} says so. Every result (or refusal) lands in {@link #feedbackProperty()}.
 *
 * <p>Threads: UI thread; results come back through the {@link UiExecutor}.
 */
public final class ActionsViewModel {
    /** Quick reasons: the model's categories and the usual suspects. */
    public static final List<String> QUICK_REASONS =
            List.of("spam", "insult", "hate", "threat", "obscene", "harassment", "off-topic", "ban evasion");

    private static final int MAX_REASON = 500;

    private final ServerClient client;
    private final UiExecutor ui;
    private final String channel;
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObjectProperty<MutePreset> mutePreset = new SimpleObjectProperty<>(MutePreset.TEN_MINUTES);
    private final ObjectProperty<BanPreset> banPreset = new SimpleObjectProperty<>(BanPreset.UNTIL_LIFTED);
    private final StringProperty feedback = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** Kick, mute and ban also take the user's messages in the channel off every screen. */
    private final BooleanProperty clearMessages = new SimpleBooleanProperty();

    private final ObservableList<ActionResult> history = FXCollections.observableArrayList();

    public ActionsViewModel(ServerClient client, UiExecutor ui, String channel) {
        this.client = client;
        this.ui = ui;
        this.channel = channel;
    }

    /** Why the action cannot run as entered, or empty when it can. */
    public Optional<String> validate(UserAction.Kind kind) {
        String user = target.get() == null ? "" : target.get().strip();
        if (user.isEmpty()) {
            return Optional.of("pick a user first");
        }
        if (!user.matches("[A-Za-z0-9_.-]{1,50}")) {
            return Optional.of("not a username: " + user);
        }
        if (reason.get() != null && reason.get().length() > MAX_REASON) {
            return Optional.of("reason must be at most " + MAX_REASON + " characters");
        }
        if (kind == UserAction.Kind.MUTE && mutePreset.get() == null) {
            return Optional.of("pick a mute length");
        }
        return Optional.empty();
    }

    /** The action as it would be sent, for the confirmation text. */
    public UserAction draft(UserAction.Kind kind) {
        String why = reason.get() == null || reason.get().isBlank()
                ? null
                : reason.get().strip();
        return new UserAction(
                kind,
                target.get().strip(),
                channel,
                switch (kind) {
                    case MUTE -> mutePreset.get().duration();
                    case BAN -> banPreset.get() == null ? null : banPreset.get().duration();
                    default -> null;
                },
                why,
                clearMessages.get() && clears(kind));
    }

    /** Runs the action for the current target (already confirmed when destructive); completes with {@code null} when refused. */
    public CompletableFuture<ActionResult> perform(UserAction.Kind kind) {
        Optional<String> invalid = validate(kind);
        if (invalid.isPresent()) {
            feedback.set(invalid.get());
            return CompletableFuture.completedFuture(null);
        }
        UserAction action = draft(kind);
        busy.set(true);
        feedback.set(kind.path() + " " + action.username() + "…");
        return client.act(action)
                .handleAsync(
                        (result, error) -> {
                            busy.set(false);
                            if (error != null) {
                                feedback.set(
                                        kind.path() + " " + action.username() + " failed: " + Failures.message(error));
                                return null;
                            }
                            feedback.set(result.summary());
                            history.addFirst(result);
                            // a reason belongs to the action it was given for; the next one starts without (issue 23)
                            if (reason.get() != null && reason.get().strip().equals(action.reason())) {
                                reason.set("");
                            }
                            return result;
                        },
                        ui);
    }

    /**
     * Deletes a shown message for everyone (already confirmed), with the reason field's reason; completes with the
     * server's answer, or {@code null} when refused or failed (said in {@link #feedbackProperty()}).
     */
    public CompletableFuture<String> deleteMessage(long messageId, String author) {
        if (reason.get() != null && reason.get().length() > MAX_REASON) {
            feedback.set("reason must be at most " + MAX_REASON + " characters");
            return CompletableFuture.completedFuture(null);
        }
        String why = reason.get() == null || reason.get().isBlank()
                ? null
                : reason.get().strip();
        busy.set(true);
        feedback.set("deleting " + author + "'s message…");
        return client.deleteMessage(channel, messageId, why)
                .handleAsync(
                        (status, error) -> {
                            busy.set(false);
                            if (error != null) {
                                feedback.set("deleting " + author + "'s message failed: " + Failures.message(error));
                                return null;
                            }
                            feedback.set(
                                    "already_deleted".equals(status)
                                            ? author + "'s message was deleted already"
                                            : "deleted " + author + "'s message for everyone");
                            if (why != null && why.equals(reason.get().strip())) {
                                reason.set("");
                            }
                            return status;
                        },
                        ui);
    }

    /** Pins a shown message in the channel (the feed's P key and menu); the result lands in the feedback. */
    public CompletableFuture<Void> pin(long messageId, String author) {
        return client.pin(channel, messageId)
                .handleAsync(
                        (done, error) -> {
                            feedback.set(
                                    error == null
                                            ? "pinned " + author + "'s message"
                                            : "pinning failed: " + Failures.message(error));
                            return null;
                        },
                        ui);
    }

    /** Takes the channel's pin down. */
    public CompletableFuture<Void> unpin() {
        return client.unpin(channel)
                .handleAsync(
                        (status, error) -> {
                            feedback.set(
                                    error != null
                                            ? "unpinning failed: " + Failures.message(error)
                                            : "not_pinned".equals(status) ? "nothing was pinned" : "unpinned");
                            return null;
                        },
                        ui);
    }

    /** Sets the target and runs a mute with a preset in one go (the feed's number keys). */
    public CompletableFuture<ActionResult> mute(String user, MutePreset preset) {
        target.set(user);
        mutePreset.set(preset);
        return perform(UserAction.Kind.MUTE);
    }

    /** Whether {@code kind} can clear the user's messages too (kick, mute, ban). */
    public static boolean clears(UserAction.Kind kind) {
        return kind == UserAction.Kind.KICK || kind == UserAction.Kind.MUTE || kind == UserAction.Kind.BAN;
    }

    public ObjectProperty<BanPreset> banPresetProperty() {
        return banPreset;
    }

    public BooleanProperty clearMessagesProperty() {
        return clearMessages;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ObjectProperty<MutePreset> mutePresetProperty() {
        return mutePreset;
    }

    public StringProperty feedbackProperty() {
        return feedback;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** This session's results, newest first. */
    public ObservableList<ActionResult> history() {
        return history;
    }
}

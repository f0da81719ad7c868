package dev.safestream.console.audit;

import dev.safestream.console.net.ServerClient;
import dev.safestream.console.net.UserAction;
import dev.safestream.console.ui.Failures;
import dev.safestream.console.ui.UiExecutor;
import dev.safestream.protocol.rest.ActiveSanction;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The bans and mutes in force in the channel, each with its end, reason and issuer, and the one action on them: lift
 * (unban or unmute).
 *
 * <p>Threads: UI thread; REST answers come back through the {@link UiExecutor}.
 */
public final class SanctionsViewModel {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final ServerClient client;
    private final UiExecutor ui;
    private final String channel;
    private final ZoneId zone;
    private final ObservableList<ActiveSanction> sanctions = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");

    /** @param zone the moderator's time zone, for the end of each sanction */
    public SanctionsViewModel(ServerClient client, UiExecutor ui, String channel, ZoneId zone) {
        this.client = client;
        this.ui = ui;
        this.channel = channel;
        this.zone = zone;
    }

    public CompletableFuture<Void> load() {
        return client.sanctions(channel)
                .thenAcceptAsync(
                        list -> {
                            sanctions.setAll(list);
                            status.set(list.isEmpty() ? "no bans or mutes in force" : list.size() + " in force");
                        },
                        ui)
                .exceptionally(e -> {
                    ui.execute(() -> status.set("sanctions: " + Failures.message(e)));
                    return null;
                });
    }

    /** Unbans or unmutes, then reads the list again. */
    public CompletableFuture<Void> lift(ActiveSanction sanction) {
        UserAction.Kind kind = "ban".equals(sanction.kind()) ? UserAction.Kind.UNBAN : UserAction.Kind.UNMUTE;
        return client.act(new UserAction(kind, sanction.username(), channel, null, null))
                .thenCompose(done -> load())
                .exceptionally(e -> {
                    ui.execute(() -> status.set("lift: " + Failures.message(e)));
                    return null;
                });
    }

    /** When it ends, in the moderator's local time; "until lifted" for a ban without end. */
    public String ends(ActiveSanction sanction) {
        Instant until = sanction.until();
        return until == null ? "until lifted" : LOCAL.format(until.atZone(zone));
    }

    public ObservableList<ActiveSanction> sanctions() {
        return sanctions;
    }

    public StringProperty statusProperty() {
        return status;
    }
}

package dev.safestream.console.people;

import dev.safestream.console.net.ChannelRoles;
import dev.safestream.console.net.Person;
import dev.safestream.console.net.ServerClient;
import dev.safestream.console.net.Session;
import dev.safestream.console.ui.Failures;
import dev.safestream.console.ui.UiExecutor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The People view: the channel's owner and moderators, and for admins every account. Admins and the channel's owner
 * appoint and remove the channel's moderators; admins also change site roles, reset passwords and disable accounts.
 * What the view offers follows what the logged-in user may do ({@link #mayAppointProperty()}, {@link #isAdmin()}); the
 * server checks every action again. Each action reloads the list and says what happened in {@link
 * #statusProperty()}; the server's audit log records it.
 *
 * <p>Threads: UI thread; REST answers come back through the {@link UiExecutor}.
 */
public final class PeopleViewModel {
    /** One line of the list: an account, its site role and its role in this channel. */
    public record Row(String username, String role, String channelRole, boolean disabled) {}

    public static final List<String> SITE_ROLES = List.of("viewer", "streamer", "moderator", "admin");

    private final ServerClient client;
    private final UiExecutor ui;
    private final String channel;
    private final Session session;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty mayAppoint = new SimpleBooleanProperty();
    private ChannelRoles roles;

    public PeopleViewModel(ServerClient client, UiExecutor ui, String channel, Session session) {
        this.client = client;
        this.ui = ui;
        this.channel = channel;
        this.session = session;
        this.roles = new ChannelRoles(channel, null, List.of());
        mayAppoint.set(session.isAdmin());
    }

    public boolean isAdmin() {
        return session.isAdmin();
    }

    /** Reads the channel's roles and, for admins, the accounts matching the query. */
    public CompletableFuture<Void> load() {
        return client.channels()
                .thenCompose(all -> {
                    ChannelRoles found = all.stream()
                            .filter(c -> c.channel().equals(channel))
                            .findFirst()
                            .orElse(new ChannelRoles(channel, null, List.of()));
                    CompletableFuture<List<Person>> people =
                            session.isAdmin() ? client.people(query.get()) : CompletableFuture.completedFuture(null);
                    return people.thenApply(list -> new Loaded(found, list));
                })
                .thenAcceptAsync(this::show, ui)
                .exceptionally(e -> {
                    ui.execute(() -> status.set("people: " + Failures.message(e)));
                    return null;
                });
    }

    private record Loaded(ChannelRoles roles, List<Person> people) {}

    private void show(Loaded loaded) {
        roles = loaded.roles();
        mayAppoint.set(session.isAdmin() || roles.isOwner(session.username()));
        if (loaded.people() != null) {
            rows.setAll(loaded.people().stream()
                    .map(p -> new Row(p.username(), p.role(), channelRole(p.username()), p.disabled()))
                    .toList());
        } else {
            // an owner sees the channel's moderators (the account list is for admins)
            rows.setAll(roles.moderators().stream()
                    .map(m -> new Row(m, "", "moderator", false))
                    .toList());
        }
        status.set(rows.size() + " people · #" + channel + " owner: "
                + (roles.owner() == null ? "the admins" : roles.owner()));
    }

    private String channelRole(String username) {
        return roles.isOwner(username) ? "owner" : roles.isModerator(username) ? "moderator" : "";
    }

    public CompletableFuture<Void> appoint() {
        String user = target();
        return act(() -> client.setModerator(channel, user, true), user + " now moderates #" + channel);
    }

    public CompletableFuture<Void> dismiss() {
        String user = target();
        return act(() -> client.setModerator(channel, user, false), user + " no longer moderates #" + channel);
    }

    public CompletableFuture<Void> setRole(String role) {
        String user = target();
        return act(() -> client.setRole(user, role).thenApply(p -> null), user + " is now a " + role);
    }

    /** Resets the target's password; the status line shows the temporary one to hand over. */
    public CompletableFuture<Void> resetPassword() {
        String user = target();
        if (user.isEmpty()) {
            status.set("choose someone first");
            return CompletableFuture.completedFuture(null);
        }
        return client.resetPassword(user)
                .thenAcceptAsync(
                        temporary -> status.set("temporary password for " + user + ": " + temporary
                                + " (they must change it when they log in)"),
                        ui)
                .exceptionally(e -> {
                    ui.execute(() -> status.set("reset password: " + Failures.message(e)));
                    return null;
                });
    }

    public CompletableFuture<Void> setDisabled(boolean disabled) {
        String user = target();
        return act(
                () -> client.setDisabled(user, disabled).thenApply(p -> null),
                user + (disabled ? " is disabled" : " is enabled"));
    }

    private CompletableFuture<Void> act(Supplier<CompletableFuture<Void>> call, String done) {
        if (target().isEmpty()) {
            status.set("choose someone first");
            return CompletableFuture.completedFuture(null);
        }
        return call.get()
                .thenComposeAsync(ignored -> load(), ui)
                .thenRunAsync(() -> status.set(done), ui)
                .exceptionally(e -> {
                    ui.execute(() -> status.set(Failures.message(e)));
                    return null;
                });
    }

    private String target() {
        return target.get() == null ? "" : target.get().strip();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** Whom the next action is for: typed, or the selected row. */
    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Whether the logged-in user may appoint and remove this channel's moderators (admin or owner). */
    public BooleanProperty mayAppointProperty() {
        return mayAppoint;
    }
}

package dev.safestream.console.login;

import dev.safestream.console.net.ServerClient;
import dev.safestream.console.net.Session;
import dev.safestream.console.ui.Failures;
import dev.safestream.console.ui.UiExecutor;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The login dialog: server URL and username are remembered (java.util.prefs), the password never is. Only roles that
 * may moderate get in.
 *
 * <p>Threads: UI thread; the answer comes back through the {@link UiExecutor}.
 */
public final class LoginViewModel {
    static final String SERVER_KEY = "server";
    static final String USER_KEY = "username";

    private final Function<URI, ServerClient> clients;
    private final UiExecutor ui;
    private final Preferences prefs;
    private final StringProperty server = new SimpleStringProperty();
    private final StringProperty username = new SimpleStringProperty();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public LoginViewModel(Function<URI, ServerClient> clients, UiExecutor ui, Preferences prefs) {
        this.clients = clients;
        this.ui = ui;
        this.prefs = prefs;
        server.set(prefs.get(SERVER_KEY, "http://localhost:8000"));
        username.set(prefs.get(USER_KEY, ""));
    }

    /** A logged-in client, the server it talks to, and its session. */
    public record LoggedIn(URI server, ServerClient client, Session session) {}

    /** Logs in; completes with {@code null} (and sets {@link #errorProperty()}) when it fails. */
    public CompletableFuture<LoggedIn> login() {
        URI uri;
        try {
            uri = URI.create(server.get().strip());
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            error.set("server URL must look like http://host:port");
            return CompletableFuture.completedFuture(null);
        }
        if (username.get() == null || username.get().isBlank() || password.get().isEmpty()) {
            error.set("username and password are required");
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        error.set("");
        ServerClient client = clients.apply(uri);
        String user = username.get().strip();
        return client.login(user, password.get())
                .handleAsync(
                        (session, failure) -> {
                            busy.set(false);
                            if (failure != null) {
                                client.close();
                                error.set(Failures.message(failure));
                                return null;
                            }
                            if (!session.mayModerate()) {
                                client.close();
                                error.set(session.username() + " is a " + session.role()
                                        + "; the console is for moderators");
                                return null;
                            }
                            password.set("");
                            prefs.put(SERVER_KEY, server.get().strip());
                            prefs.put(USER_KEY, user);
                            return new LoggedIn(uri, client, session);
                        },
                        ui);
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}

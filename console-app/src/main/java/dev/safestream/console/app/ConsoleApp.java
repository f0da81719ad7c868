package dev.safestream.console.app;

import atlantafx.base.theme.PrimerDark;
import dev.safestream.console.login.LoginView;
import dev.safestream.console.login.LoginViewModel;
import dev.safestream.console.net.ServerClient;
import dev.safestream.console.ui.FxUiExecutor;
import dev.safestream.console.ui.UiExecutor;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: the login form (or a scripted login from {@link LaunchOptions}), then the main window of a
 * {@link ModeratorConsole}; back to the login form when the token expires.
 *
 * <p>Closing: {@link #stop()} when the last window closes, or a JVM shutdown hook when the session or a process manager
 * sends SIGTERM (JavaFX calls no {@code stop()} then). Either one closes the connection and logs {@value #CLOSED}; the
 * hook needs no FX thread, which may be gone by then. The packaging smoke test matches the log lines verbatim.
 */
public final class ConsoleApp extends Application {
    static final String LOGIN_SHOWN = "Login window shown";
    static final String CLOSED = "SafeStream console closed";
    private static final Logger log = LoggerFactory.getLogger(ConsoleApp.class);

    private final ConsoleEnvironment environment;
    private final UiExecutor ui = new FxUiExecutor();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Thread shutdownHook;
    private Stage stage;
    private Scene scene;
    private LaunchOptions options;
    private volatile ModeratorConsole console; // read by the shutdown hook
    private javafx.event.EventHandler<javafx.scene.input.KeyEvent> shortcuts;

    /** For {@code Application.launch}: the real environment. */
    public ConsoleApp() {
        this(null);
    }

    public ConsoleApp(ConsoleEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void start(Stage primary) {
        log.info(
                "SafeStream console {} starting (Java {})",
                LaunchOptions.version(),
                System.getProperty("java.version"));
        ConsoleEnvironment env = environment != null
                ? environment
                : ConsoleEnvironment.system(getParameters().getRaw());
        this.stage = primary;
        this.options = LaunchOptions.parse(env.args(), env.env());
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::closeOnShutdown, "console-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        scene = new Scene(new javafx.scene.layout.StackPane(), 1400, 860);
        scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("SafeStream console");
        // shown first, so "Login window shown" is true when logged and start() has nothing left to do after it
        stage.show();
        LoginViewModel login = loginViewModel(env);
        options.scripted()
                .ifPresentOrElse(
                        o -> login.login().thenAccept(done -> {
                            if (done == null) {
                                showLogin(env, login);
                            } else {
                                showConsole(env, done);
                            }
                        }),
                        () -> showLogin(env, login));
    }

    private LoginViewModel loginViewModel(ConsoleEnvironment env) {
        LoginViewModel login = new LoginViewModel(env.clients(), ui, env.prefs());
        if (options.server() != null) {
            login.serverProperty().set(options.server().toString());
        }
        if (options.user() != null) {
            login.usernameProperty().set(options.user());
        }
        if (options.password() != null) {
            login.passwordProperty().set(options.password());
        }
        return login;
    }

    private void showLogin(ConsoleEnvironment env, LoginViewModel login) {
        LoginView view = new LoginView(login, done -> showConsole(env, done));
        setRoot(view.root());
        view.focus();
        log.info(LOGIN_SHOWN);
    }

    private void showConsole(ConsoleEnvironment env, LoginViewModel.LoggedIn done) {
        ServerClient client = done.client();
        console = new ModeratorConsole(env, client, done.session(), options.channel(), ui, why -> {
            closeConsole();
            LoginViewModel again = loginViewModel(env);
            again.errorProperty().set(why);
            showLogin(env, again);
        });
        setRoot(console.view().root());
        shortcuts = Shortcuts.install(scene, console.view(), shortcuts);
        stage.setTitle("SafeStream console · " + done.session().username() + " · #" + options.channel());
        console.view().feed.list().requestFocus();
        log.info(
                "Moderating channel {} on {} as {}",
                options.channel(),
                shown(done.server()),
                done.session().username());
    }

    /** The server without anything secret a URL can carry: user info, query, fragment. */
    static String shown(URI server) {
        try {
            return new URI(server.getScheme(), null, server.getHost(), server.getPort(), server.getPath(), null, null)
                    .toString();
        } catch (URISyntaxException e) {
            return server.getHost();
        }
    }

    private void setRoot(Parent root) {
        scene.setRoot(root);
    }

    private void closeConsole() {
        ModeratorConsole c = console;
        console = null;
        if (c != null) {
            c.close();
        }
    }

    /** The shutdown hook: no FX calls, and no longer than {@link ModeratorConsole#CLOSE_LIMIT} on the network. */
    void closeOnShutdown() {
        ModeratorConsole c = console;
        if (c != null && !c.disconnect(ModeratorConsole.CLOSE_LIMIT)) {
            log.warn("Connection still closing after {} ms; exiting anyway", ModeratorConsole.CLOSE_LIMIT.toMillis());
        }
        logClosed();
    }

    private void logClosed() {
        if (closed.compareAndSet(false, true)) {
            log.info(CLOSED);
        }
    }

    /** The running console, or {@code null} before login (for tests). */
    public ModeratorConsole console() {
        return console;
    }

    @Override
    public void stop() {
        closeConsole();
        logClosed();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to; it finds nothing left to close
            }
        }
    }
}

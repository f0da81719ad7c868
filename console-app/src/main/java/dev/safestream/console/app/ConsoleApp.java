package dev.safestream.console.app;

import atlantafx.base.theme.PrimerDark;
import dev.safestream.console.login.LoginView;
import dev.safestream.console.login.LoginViewModel;
import dev.safestream.console.net.ServerClient;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: the login form (or a scripted login from {@link LaunchOptions}), then the main window of a
 * {@link ModeratorConsole}; back to the login form when the token expires.
 */
public final class ConsoleApp extends Application {
    private final ConsoleEnvironment environment;
    private final UiExecutor ui = new FxUiExecutor();
    private Stage stage;
    private Scene scene;
    private LaunchOptions options;
    private ModeratorConsole console;
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
        ConsoleEnvironment env = environment != null
                ? environment
                : ConsoleEnvironment.system(getParameters().getRaw());
        this.stage = primary;
        this.options = LaunchOptions.parse(env.args(), env.env());
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        scene = new Scene(new javafx.scene.layout.StackPane(), 1400, 860);
        scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("SafeStream console");
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
        stage.show();
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
    }

    private void setRoot(Parent root) {
        scene.setRoot(root);
    }

    private void closeConsole() {
        if (console != null) {
            console.close();
            console = null;
        }
    }

    /** The running console, or {@code null} before login (for tests). */
    public ModeratorConsole console() {
        return console;
    }

    @Override
    public void stop() {
        closeConsole();
    }
}

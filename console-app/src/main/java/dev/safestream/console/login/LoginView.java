package dev.safestream.console.login;

import dev.safestream.console.ui.Failures;
import dev.safestream.console.ui.Fxml;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;

/** The login form (login.fxml); Enter logs in. */
public final class LoginView {
    private final LoginViewModel vm;
    private final Consumer<LoginViewModel.LoggedIn> onLoggedIn;
    private final StackPane root;

    @FXML
    private TextField server;

    @FXML
    private TextField username;

    @FXML
    private PasswordField password;

    @FXML
    private Button login;

    @FXML
    private ProgressIndicator busy;

    @FXML
    private Label error;

    public LoginView(LoginViewModel vm, Consumer<LoginViewModel.LoggedIn> onLoggedIn) {
        this.vm = vm;
        this.onLoggedIn = onLoggedIn;
        this.root = new StackPane(Fxml.load(LoginView.class, "login.fxml", this));
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().add("login-root");
    }

    @FXML
    private void initialize() {
        server.setId("login-server");
        username.setId("login-username");
        password.setId("login-password");
        login.setId("login-button");
        error.setId("login-error");
        server.textProperty().bindBidirectional(vm.serverProperty());
        username.textProperty().bindBidirectional(vm.usernameProperty());
        password.textProperty().bindBidirectional(vm.passwordProperty());
        error.textProperty().bind(vm.errorProperty());
        busy.visibleProperty().bind(vm.busyProperty());
        login.disableProperty().bind(vm.busyProperty());
        login.setOnAction(e -> vm.login()
                .thenAccept(done -> {
                    if (done != null) {
                        onLoggedIn.accept(done);
                    }
                })
                .exceptionally(failure -> {
                    System.getLogger(LoginView.class.getName())
                            .log(System.Logger.Level.ERROR, "console failed to start", failure);
                    vm.errorProperty().set("console failed to start: " + Failures.message(failure));
                    return null;
                }));
    }

    /** Puts the cursor where typing is needed first. */
    public void focus() {
        (username.getText() == null || username.getText().isBlank() ? username : password).requestFocus();
    }

    public Parent root() {
        return root;
    }
}

package dev.safestream.console.actions;

import dev.safestream.console.net.UserAction;
import dev.safestream.console.ui.Fxml;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * The action bar (actions.fxml): target, reason (quick reasons or free text), mute length, and one button per action.
 * Kick and ban ask for confirmation first.
 */
public final class ActionsView {
    private final ActionsViewModel vm;
    private final Parent root;

    @FXML
    private TextField target;

    @FXML
    private ComboBox<String> reason;

    @FXML
    private ComboBox<MutePreset> preset;

    @FXML
    private Button warn;

    @FXML
    private Button mute;

    @FXML
    private Button unmute;

    @FXML
    private Button kick;

    @FXML
    private Button ban;

    @FXML
    private Button unban;

    @FXML
    private ComboBox<BanPreset> banLength;

    @FXML
    private CheckBox clear;

    @FXML
    private Label feedback;

    public ActionsView(ActionsViewModel vm) {
        this.vm = vm;
        this.root = Fxml.load(ActionsView.class, "actions.fxml", this);
    }

    @FXML
    private void initialize() {
        target.setId("action-target");
        feedback.setId("action-feedback");
        target.textProperty().bindBidirectional(vm.targetProperty());
        reason.getItems().setAll(ActionsViewModel.QUICK_REASONS);
        reason.getEditor().textProperty().bindBidirectional(vm.reasonProperty());
        preset.getItems().setAll(MutePreset.values());
        preset.valueProperty().bindBidirectional(vm.mutePresetProperty());
        banLength.setId("action-ban-length");
        banLength.getItems().setAll(BanPreset.values());
        banLength.valueProperty().bindBidirectional(vm.banPresetProperty());
        feedback.textProperty().bind(vm.feedbackProperty());
        clear.setId("action-clear");
        clear.selectedProperty().bindBidirectional(vm.clearMessagesProperty());
        warn.setOnAction(e -> run(UserAction.Kind.WARN));
        warn.setId("action-warn");
        mute.setOnAction(e -> run(UserAction.Kind.MUTE));
        unmute.setOnAction(e -> run(UserAction.Kind.UNMUTE));
        kick.setOnAction(e -> run(UserAction.Kind.KICK));
        ban.setOnAction(e -> run(UserAction.Kind.BAN));
        unban.setOnAction(e -> run(UserAction.Kind.UNBAN));
        mute.setId("action-mute");
        kick.setId("action-kick");
        ban.setId("action-ban");
        for (Button b : new Button[] {warn, mute, unmute, kick, ban, unban}) {
            b.disableProperty().bind(vm.busyProperty());
        }
    }

    /** Runs an action on the current target, confirming destructive ones. */
    public void run(UserAction.Kind kind) {
        Optional<String> invalid = vm.validate(kind);
        if (invalid.isPresent()) {
            vm.feedbackProperty().set(invalid.get());
            return;
        }
        if (kind.destructive() && !confirm(vm.draft(kind))) {
            vm.feedbackProperty().set(kind.path() + " cancelled");
            return;
        }
        vm.perform(kind);
    }

    /** Runs an action on a given user (from the feed, the queue or the user card). */
    public void run(UserAction.Kind kind, String user) {
        vm.targetProperty().set(user);
        run(kind);
    }

    /** Deletes a shown message for everyone, after confirmation (the feed's Delete key and menu). */
    public void deleteMessage(long messageId, String author, String text) {
        Alert alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                "Delete " + author + "'s message for everyone?\n\n" + text,
                ButtonType.OK,
                ButtonType.CANCEL);
        alert.setHeaderText(null);
        alert.setTitle("Confirm delete");
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        if (alert.showAndWait().filter(ButtonType.OK::equals).isEmpty()) {
            vm.feedbackProperty().set("delete cancelled");
            return;
        }
        vm.deleteMessage(messageId, author);
    }

    private boolean confirm(UserAction action) {
        Alert alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                action.kind().path() + " " + action.username()
                        + (action.kind() == UserAction.Kind.BAN
                                ? " "
                                        + (action.duration() == null
                                                ? "until lifted"
                                                : "for "
                                                        + vm.banPresetProperty().get())
                                : "")
                        + (action.reason() == null ? "" : " (reason: " + action.reason() + ")")
                        + (action.clearMessages() ? " and delete their messages in #" + action.channel() : "") + "?",
                ButtonType.OK,
                ButtonType.CANCEL);
        alert.setHeaderText(null);
        alert.setTitle("Confirm " + action.kind().path());
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    public Parent root() {
        return root;
    }
}

package dev.safestream.console.users;

import dev.safestream.console.feed.FeedItem;
import dev.safestream.console.net.AuditRecord;
import dev.safestream.console.ui.Fxml;
import dev.safestream.console.ui.TextCells;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** A user's card (usercard.fxml): recent messages with scores, past actions, notes, and action buttons. */
public final class UserCardView {
    private final UserCardViewModel vm;
    private final BiConsumer<String, String> act;
    private final Parent root;

    @FXML
    private TextField user;

    @FXML
    private Button mute10m;

    @FXML
    private Button kick;

    @FXML
    private Button ban;

    @FXML
    private Button unmute;

    @FXML
    private Button unban;

    @FXML
    private Label account;

    @FXML
    private Label summary;

    @FXML
    private ListView<FeedItem> recent;

    @FXML
    private ListView<AuditRecord> actions;

    @FXML
    private TextArea notes;

    /**
     * @param act runs an action ({@code mute10m}, {@code kick}, {@code ban}, {@code unmute}, {@code unban}) on a user
     */
    public UserCardView(UserCardViewModel vm, BiConsumer<String, String> act) {
        this.vm = vm;
        this.act = act;
        this.root = Fxml.load(UserCardView.class, "usercard.fxml", this);
    }

    @FXML
    private void initialize() {
        user.setId("card-user");
        summary.setId("card-summary");
        user.setText(vm.userProperty().get());
        vm.userProperty().addListener((o, a, b) -> user.setText(b));
        user.setOnAction(e -> vm.show(user.getText().strip()));
        summary.textProperty().bind(vm.summaryProperty());
        account.textProperty().bind(vm.accountProperty());
        account.setId("card-account");
        recent.setItems(vm.recent());
        recent.setCellFactory(TextCells.of(
                (FeedItem i) -> String.format(Locale.ROOT, "%.2f %-5s %s", i.score(), i.decision(), i.text())));
        actions.setItems(vm.actions());
        actions.setCellFactory(TextCells.of((AuditRecord r) -> r.at() + "  " + r.actor() + " " + r.action()
                + (r.durationSeconds() == null ? "" : " " + r.durationSeconds() + " s")
                + (r.reason() == null ? "" : " — " + r.reason())));
        actions.setPlaceholder(new Label("no actions against this user"));
        notes.textProperty().bindBidirectional(vm.noteProperty());
        notes.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.saveNote();
            }
        });
        mute10m.setOnAction(e -> act.accept("mute10m", vm.userProperty().get()));
        kick.setOnAction(e -> act.accept("kick", vm.userProperty().get()));
        ban.setOnAction(e -> act.accept("ban", vm.userProperty().get()));
        unmute.setOnAction(e -> act.accept("unmute", vm.userProperty().get()));
        unban.setOnAction(e -> act.accept("unban", vm.userProperty().get()));
    }

    public Parent root() {
        return root;
    }
}

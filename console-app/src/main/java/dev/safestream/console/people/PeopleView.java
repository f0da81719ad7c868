package dev.safestream.console.people;

import dev.safestream.console.ui.Fxml;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/**
 * People (people.fxml): search accounts, see site and channel roles, appoint and remove channel moderators, change a
 * site role, reset a password, disable or enable. Every action asks for confirmation first; admin-only controls are
 * not shown to others.
 */
public final class PeopleView {
    private final PeopleViewModel vm;
    private final Predicate<String> confirm;
    private final Parent root;

    @FXML
    private TextField query;

    @FXML
    private Button search;

    @FXML
    private TableView<PeopleViewModel.Row> table;

    @FXML
    private TableColumn<PeopleViewModel.Row, String> user;

    @FXML
    private TableColumn<PeopleViewModel.Row, String> role;

    @FXML
    private TableColumn<PeopleViewModel.Row, String> channelRole;

    @FXML
    private TableColumn<PeopleViewModel.Row, String> state;

    @FXML
    private TextField target;

    @FXML
    private Button appoint;

    @FXML
    private Button dismiss;

    @FXML
    private HBox adminActions;

    @FXML
    private ComboBox<String> newRole;

    @FXML
    private Button setRole;

    @FXML
    private Button resetPassword;

    @FXML
    private Button disable;

    @FXML
    private Button enable;

    @FXML
    private Label status;

    public PeopleView(PeopleViewModel vm) {
        this(vm, PeopleView::askFirst);
    }

    /** @param confirm asked before every action with what it will do; false cancels it */
    public PeopleView(PeopleViewModel vm, Predicate<String> confirm) {
        this.vm = vm;
        this.confirm = confirm;
        this.root = Fxml.load(PeopleView.class, "people.fxml", this);
    }

    @FXML
    private void initialize() {
        table.setId("people-table");
        table.setItems(vm.rows());
        column(user, PeopleViewModel.Row::username);
        column(role, PeopleViewModel.Row::role);
        column(channelRole, PeopleViewModel.Row::channelRole);
        column(state, r -> r.disabled() ? "disabled" : "");
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.targetProperty().set(now.username());
            }
        });
        query.textProperty().bindBidirectional(vm.queryProperty());
        query.setVisible(vm.isAdmin());
        query.setManaged(vm.isAdmin());
        search.setOnAction(e -> vm.load());
        target.textProperty().bindBidirectional(vm.targetProperty());
        appoint.visibleProperty().bind(vm.mayAppointProperty());
        dismiss.visibleProperty().bind(vm.mayAppointProperty());
        adminActions.setVisible(vm.isAdmin());
        adminActions.setManaged(vm.isAdmin());
        newRole.getItems().setAll(PeopleViewModel.SITE_ROLES);
        newRole.getSelectionModel().select("streamer");
        status.textProperty().bind(vm.statusProperty());
        appoint.setOnAction(e -> confirmed("Make " + who() + " a moderator of this channel?", vm::appoint));
        dismiss.setOnAction(e -> confirmed("Remove " + who() + " as a moderator of this channel?", vm::dismiss));
        setRole.setOnAction(e -> confirmed(
                "Make " + who() + " a " + newRole.getValue() + "? Their open connections close and they log in again.",
                () -> vm.setRole(newRole.getValue())));
        resetPassword.setOnAction(
                e -> confirmed("Reset " + who() + "'s password to a temporary one?", vm::resetPassword));
        disable.setOnAction(e ->
                confirmed("Disable " + who() + "? They are logged out and cannot log in.", () -> vm.setDisabled(true)));
        enable.setOnAction(e -> confirmed("Enable " + who() + "?", () -> vm.setDisabled(false)));
    }

    private String who() {
        return vm.targetProperty().get() == null
                ? ""
                : vm.targetProperty().get().strip();
    }

    private void confirmed(String question, Runnable action) {
        if (confirm.test(question)) {
            action.run();
        }
    }

    private static boolean askFirst(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText(null);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private static void column(
            TableColumn<PeopleViewModel.Row, String> c, Function<PeopleViewModel.Row, String> value) {
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    public Parent root() {
        return root;
    }
}

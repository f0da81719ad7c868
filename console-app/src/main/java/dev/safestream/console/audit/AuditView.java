package dev.safestream.console.audit;

import dev.safestream.console.net.AuditRecord;
import dev.safestream.console.ui.Fxml;
import dev.safestream.protocol.rest.ActiveSanction;
import java.io.File;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

/** The sanctions in force with a Lift button, and the audit log (audit.fxml): filterable table, CSV export. */
public final class AuditView {
    private final AuditViewModel vm;
    private final SanctionsViewModel sanctions;
    private final Parent root;

    @FXML
    private TableView<ActiveSanction> sanctionsTable;

    @FXML
    private TableColumn<ActiveSanction, String> sanctionUser;

    @FXML
    private TableColumn<ActiveSanction, String> sanctionKind;

    @FXML
    private TableColumn<ActiveSanction, String> sanctionEnds;

    @FXML
    private TableColumn<ActiveSanction, String> sanctionBy;

    @FXML
    private TableColumn<ActiveSanction, String> sanctionReason;

    @FXML
    private Label sanctionsStatus;

    @FXML
    private Button lift;

    @FXML
    private TextField filter;

    @FXML
    private Button reload;

    @FXML
    private Button export;

    @FXML
    private TableView<AuditRecord> table;

    @FXML
    private TableColumn<AuditRecord, String> at;

    @FXML
    private TableColumn<AuditRecord, String> actor;

    @FXML
    private TableColumn<AuditRecord, String> action;

    @FXML
    private TableColumn<AuditRecord, String> target;

    @FXML
    private TableColumn<AuditRecord, String> duration;

    @FXML
    private TableColumn<AuditRecord, String> reason;

    @FXML
    private Label status;

    public AuditView(AuditViewModel vm, SanctionsViewModel sanctions) {
        this.vm = vm;
        this.sanctions = sanctions;
        this.root = Fxml.load(AuditView.class, "audit.fxml", this);
    }

    @FXML
    private void initialize() {
        table.setId("audit-table");
        table.setItems(vm.visible());
        column(at, r -> r.at() == null ? "" : r.at().toString());
        column(actor, AuditRecord::actor);
        column(action, AuditRecord::action);
        column(target, AuditRecord::target);
        column(
                duration,
                r -> r.durationSeconds() == null ? "" : r.durationSeconds().toString());
        column(reason, AuditRecord::reason);
        filter.textProperty().bindBidirectional(vm.filterProperty());
        status.textProperty().bind(vm.statusProperty());
        reload.setOnAction(e -> {
            vm.load();
            sanctions.load();
        });
        sanctionsTable.setId("sanctions-table");
        sanctionsTable.setItems(sanctions.sanctions());
        column(sanctionUser, ActiveSanction::username);
        column(sanctionKind, ActiveSanction::kind);
        column(sanctionEnds, sanctions::ends);
        column(sanctionBy, ActiveSanction::issuedBy);
        column(sanctionReason, ActiveSanction::reason);
        sanctionsStatus.textProperty().bind(sanctions.statusProperty());
        lift.setId("lift-sanction");
        lift.disableProperty()
                .bind(sanctionsTable.getSelectionModel().selectedItemProperty().isNull());
        lift.setOnAction(e -> {
            ActiveSanction chosen = sanctionsTable.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                sanctions.lift(chosen);
            }
        });
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("safestream-audit.csv");
            File file = chooser.showSaveDialog(root.getScene().getWindow());
            if (file != null) {
                vm.exportCsv(file.toPath());
            }
        });
    }

    private static <T> void column(TableColumn<T, String> c, Function<T, String> value) {
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    public Parent root() {
        return root;
    }
}

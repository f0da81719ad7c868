package dev.safestream.console.audit;

import dev.safestream.console.net.AuditRecord;
import dev.safestream.console.ui.Fxml;
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

/** The audit log (audit.fxml): filterable table, CSV export. */
public final class AuditView {
    private final AuditViewModel vm;
    private final Parent root;

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

    public AuditView(AuditViewModel vm) {
        this.vm = vm;
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
        reload.setOnAction(e -> vm.load());
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("safestream-audit.csv");
            File file = chooser.showSaveDialog(root.getScene().getWindow());
            if (file != null) {
                vm.exportCsv(file.toPath());
            }
        });
    }

    private static void column(TableColumn<AuditRecord, String> c, Function<AuditRecord, String> value) {
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    public Parent root() {
        return root;
    }
}

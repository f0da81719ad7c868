package dev.safestream.console.settings;

import dev.safestream.console.ui.Fxml;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;

/** Channel moderation settings (settings.fxml): mode, threshold sliders, per-category lines, terms, slow mode. */
public final class SettingsView {
    private final SettingsViewModel vm;
    private final Parent root;

    @FXML
    private ComboBox<String> mode;

    @FXML
    private Label modeHelp;

    @FXML
    private Slider flag;

    @FXML
    private Slider block;

    @FXML
    private Slider holdLow;

    @FXML
    private Label flagValue;

    @FXML
    private Label blockValue;

    @FXML
    private Label holdLowValue;

    @FXML
    private TextArea categories;

    @FXML
    private TextArea terms;

    @FXML
    private Spinner<Integer> slowMode;

    @FXML
    private Button save;

    @FXML
    private Button reload;

    @FXML
    private Label status;

    public SettingsView(SettingsViewModel vm) {
        this.vm = vm;
        this.root = Fxml.load(SettingsView.class, "settings.fxml", this);
    }

    @FXML
    private void initialize() {
        mode.getItems().setAll(SettingsViewModel.MODES);
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        mode.setId("settings-mode");
        modeHelp.setId("settings-mode-help");
        modeHelp.textProperty().bind(vm.modeHelp());
        flag.valueProperty().bindBidirectional(vm.flagProperty());
        block.valueProperty().bindBidirectional(vm.blockProperty());
        holdLow.valueProperty().bindBidirectional(vm.holdLowProperty());
        holdLow.disableProperty().bind(vm.modeProperty().isNotEqualTo("hold_uncertain"));
        flagValue.textProperty().bind(Bindings.format(Locale.ROOT, "%.2f", vm.flagProperty()));
        blockValue.textProperty().bind(Bindings.format(Locale.ROOT, "%.2f", vm.blockProperty()));
        holdLowValue.textProperty().bind(Bindings.format(Locale.ROOT, "%.2f", vm.holdLowProperty()));
        categories.textProperty().bindBidirectional(vm.categoriesProperty());
        terms.textProperty().bindBidirectional(vm.blockedTermsProperty());
        slowMode.getValueFactory().valueProperty().addListener((o, a, b) -> vm.slowModeSecondsProperty()
                .set(b == null ? 0 : b));
        vm.slowModeSecondsProperty()
                .addListener((o, a, b) -> slowMode.getValueFactory().setValue(b.intValue()));
        status.textProperty().bind(vm.statusProperty());
        status.setId("settings-status");
        save.setId("settings-save");
        save.setOnAction(e -> vm.save());
        reload.setOnAction(e -> vm.load());
    }

    public void save() {
        vm.save();
    }

    public Parent root() {
        return root;
    }
}

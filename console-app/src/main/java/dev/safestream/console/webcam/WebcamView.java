package dev.safestream.console.webcam;

import dev.safestream.console.ui.Fxml;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;

/** The webcam preview (webcam.fxml): device picker, start/stop, FPS, the frame. Discovery starts when first shown. */
public final class WebcamView {
    private final WebcamViewModel vm;
    private final Parent root;
    private boolean searched;

    @FXML
    private ComboBox<String> device;

    @FXML
    private Button refresh;

    @FXML
    private Button start;

    @FXML
    private Button stop;

    @FXML
    private Label fps;

    @FXML
    private Label state;

    @FXML
    private ImageView preview;

    public WebcamView(WebcamViewModel vm) {
        this.vm = vm;
        this.root = Fxml.load(WebcamView.class, "webcam.fxml", this);
    }

    @FXML
    private void initialize() {
        state.setId("webcam-state");
        fps.setId("webcam-fps");
        device.setItems(vm.devices());
        device.valueProperty().bindBidirectional(vm.selectedProperty());
        state.textProperty().bind(vm.stateProperty());
        fps.textProperty().bind(Bindings.format(Locale.ROOT, "%.1f FPS", vm.fpsProperty()));
        refresh.setOnAction(e -> vm.refresh());
        start.setOnAction(e -> vm.start());
        stop.setOnAction(e -> vm.stop());
        start.setId("webcam-start");
        start.disableProperty()
                .bind(vm.runningProperty().or(vm.selectedProperty().isNull()));
        stop.disableProperty().bind(vm.runningProperty().not());
        vm.frameProperty().addListener((o, was, now) -> {
            if (now != null) {
                preview.setImage(SwingFXUtils.toFXImage(now, null));
            }
        });
    }

    /** Looks for cameras the first time the tab is shown. */
    public void shown() {
        if (!searched) {
            searched = true;
            vm.refresh();
        }
    }

    public Parent root() {
        return root;
    }
}

package dev.safestream.console.webcam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.sarxos.webcam.Webcam;
import dev.safestream.console.ui.UiExecutor;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebcamViewModelTest {
    private WebcamViewModel webcam;

    @AfterEach
    void close() {
        webcam.close();
        Webcam.resetDriver();
    }

    @Test
    void aMachineWithoutCamerasSaysSoWithoutHanging() {
        Webcam.setDriver(new FakeWebcamDriver());
        webcam = new WebcamViewModel(new SarxosCameraSource(2_000), UiExecutor.direct());

        webcam.refresh();

        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        WebcamViewModel.NO_CAMERA.equals(webcam.stateProperty().get()));
        webcam.start();
        assertThat(webcam.runningProperty().get()).isFalse();
    }

    @Test
    void aBrokenDriverEndsInTheNoCameraStateToo() {
        webcam = new WebcamViewModel(
                new CameraSource() {
                    @Override
                    public java.util.List<String> devices() {
                        throw new UnsatisfiedLinkError("no native library");
                    }

                    @Override
                    public Camera open(String name) {
                        throw new AssertionError();
                    }
                },
                UiExecutor.direct());

        webcam.refresh();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> webcam.stateProperty().get().startsWith(WebcamViewModel.NO_CAMERA + " (no native"));
    }

    @Test
    void aFakeCameraStreamsFramesAndStops() {
        Webcam.setDriver(new FakeWebcamDriver("Fake cam 0", "Fake cam 1"));
        webcam = new WebcamViewModel(new SarxosCameraSource(2_000), UiExecutor.direct());
        webcam.refresh();
        await().atMost(Duration.ofSeconds(5)).until(() -> webcam.devices().size() == 2);

        webcam.selectedProperty().set("Fake cam 1");
        webcam.start();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> webcam.frameProperty().get() != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> webcam.fpsProperty().get() > 0);
        assertThat(webcam.stateProperty().get()).isEqualTo("live: Fake cam 1");

        webcam.stop();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> !webcam.runningProperty().get());
    }
}

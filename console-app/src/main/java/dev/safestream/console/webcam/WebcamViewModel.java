package dev.safestream.console.webcam;

import dev.safestream.console.ui.Failures;
import dev.safestream.console.ui.UiExecutor;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The streamer's webcam preview: find cameras, pick one, start and stop, see frames and FPS. Discovery and grabbing
 * run on one {@code console-webcam} thread; a machine without a camera (or without a working driver) ends in the
 * "no camera found" state, never a hang or a crash. Only the newest frame is handed to the UI; older ones are dropped.
 *
 * <p>Threads: properties on the UI thread; camera calls on {@code console-webcam}.
 */
public final class WebcamViewModel implements AutoCloseable {
    public static final String SEARCHING = "searching for cameras…";
    public static final String NO_CAMERA = "no camera found";

    private final CameraSource source;
    private final UiExecutor ui;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "console-webcam");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<String> devices = FXCollections.observableArrayList();
    private final StringProperty selected = new SimpleStringProperty();
    private final StringProperty state = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty fps = new SimpleDoubleProperty();
    private final ObjectProperty<BufferedImage> frame = new SimpleObjectProperty<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<BufferedImage> latest = new AtomicReference<>();
    private Future<?> capture;

    public WebcamViewModel(CameraSource source, UiExecutor ui) {
        this.source = source;
        this.ui = ui;
    }

    /** Looks for cameras (off the UI thread); ends in "ready" or {@link #NO_CAMERA}. */
    public void refresh() {
        state.set(SEARCHING);
        worker.execute(() -> {
            List<String> found;
            String why = null;
            try {
                found = source.devices();
            } catch (Throwable e) { // drivers fail with linkage errors on machines without native support
                found = List.of();
                why = Failures.message(e);
            }
            List<String> names = found;
            String reason = why;
            ui.execute(() -> {
                devices.setAll(names);
                if (names.isEmpty()) {
                    selected.set(null);
                    state.set(reason == null ? NO_CAMERA : NO_CAMERA + " (" + reason + ")");
                } else {
                    if (selected.get() == null || !names.contains(selected.get())) {
                        selected.set(names.getFirst());
                    }
                    state.set(names.size() + " camera" + (names.size() == 1 ? "" : "s") + " found");
                }
            });
        });
    }

    /** Starts the preview of the selected camera. */
    public void start() {
        String name = selected.get();
        if (name == null || running.get()) {
            if (name == null) {
                state.set(NO_CAMERA);
            }
            return;
        }
        running.set(true);
        stop.set(false);
        state.set("opening " + name + "…");
        capture = worker.submit(() -> grabLoop(name));
    }

    private void grabLoop(String name) {
        try (CameraSource.Camera camera = source.open(name)) {
            ui.execute(() -> state.set("live: " + name));
            long windowStart = System.nanoTime();
            int frames = 0;
            while (!stop.get()) {
                BufferedImage image = camera.grab();
                if (image == null) {
                    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
                    continue;
                }
                frames++;
                long now = System.nanoTime();
                if (now - windowStart >= 1_000_000_000L) {
                    double measured = frames * 1e9 / (now - windowStart);
                    ui.execute(() -> fps.set(measured));
                    frames = 0;
                    windowStart = now;
                }
                if (latest.getAndSet(image) == null) {
                    ui.execute(() -> frame.set(latest.getAndSet(null)));
                }
            }
        } catch (Throwable e) {
            ui.execute(() -> state.set("camera failed: " + Failures.message(e)));
        } finally {
            ui.execute(() -> {
                running.set(false);
                fps.set(0);
                if (state.get().startsWith("live")) {
                    state.set("stopped");
                }
            });
        }
    }

    public void stop() {
        stop.set(true);
    }

    @Override
    public void close() {
        stop();
        if (capture != null) {
            capture.cancel(false);
        }
        worker.shutdownNow();
    }

    public ObservableList<String> devices() {
        return devices;
    }

    public StringProperty selectedProperty() {
        return selected;
    }

    public StringProperty stateProperty() {
        return state;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty fpsProperty() {
        return fps;
    }

    public ObjectProperty<BufferedImage> frameProperty() {
        return frame;
    }
}

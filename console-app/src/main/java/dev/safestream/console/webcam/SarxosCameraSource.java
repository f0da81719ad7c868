package dev.safestream.console.webcam;

import com.github.sarxos.webcam.Webcam;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.List;

/** {@link CameraSource} on webcam-capture (com.github.sarxos), with a bounded discovery time. */
public final class SarxosCameraSource implements CameraSource {
    private final long discoveryTimeoutMillis;

    public SarxosCameraSource(long discoveryTimeoutMillis) {
        this.discoveryTimeoutMillis = discoveryTimeoutMillis;
    }

    @Override
    public List<String> devices() throws Exception {
        return Webcam.getWebcams(discoveryTimeoutMillis).stream()
                .map(Webcam::getName)
                .toList();
    }

    @Override
    public Camera open(String name) throws Exception {
        Webcam webcam = Webcam.getWebcams(discoveryTimeoutMillis).stream()
                .filter(w -> w.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("camera gone: " + name));
        Dimension[] sizes = webcam.getViewSizes();
        if (sizes != null && sizes.length > 0) {
            webcam.setViewSize(sizes[sizes.length - 1]);
        }
        webcam.open();
        return new Camera() {
            @Override
            public BufferedImage grab() {
                return webcam.getImage();
            }

            @Override
            public void close() {
                webcam.close();
            }
        };
    }
}

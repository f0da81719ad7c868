package dev.safestream.console.webcam;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.List;

/** A webcam-capture driver with the cameras a test asks for; each camera paints grey frames. */
public final class FakeWebcamDriver implements WebcamDriver {
    private final List<WebcamDevice> devices;

    public FakeWebcamDriver(String... names) {
        this.devices = java.util.Arrays.stream(names)
                .<WebcamDevice>map(FakeDevice::new)
                .toList();
    }

    @Override
    public List<WebcamDevice> getDevices() {
        return devices;
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    private static final class FakeDevice implements WebcamDevice {
        private static final Dimension SIZE = new Dimension(64, 48);
        private final String name;
        private volatile boolean open;

        FakeDevice(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Dimension[] getResolutions() {
            return new Dimension[] {SIZE};
        }

        @Override
        public Dimension getResolution() {
            return SIZE;
        }

        @Override
        public void setResolution(Dimension size) {}

        @Override
        public BufferedImage getImage() {
            return new BufferedImage(SIZE.width, SIZE.height, BufferedImage.TYPE_INT_RGB);
        }

        @Override
        public void open() {
            open = true;
        }

        @Override
        public void close() {
            open = false;
        }

        @Override
        public void dispose() {}

        @Override
        public boolean isOpen() {
            return open;
        }
    }
}

package dev.safestream.console.webcam;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The machine's cameras, behind our own interface: {@link SarxosCameraSource} uses webcam-capture; tests plug a fake
 * webcam-capture driver into it or a fake of this interface. Calls may block (device discovery, frame grabs): run
 * them off the FX thread.
 */
public interface CameraSource {

    /** The camera names found, empty when there are none. May block up to the source's discovery timeout. */
    List<String> devices() throws Exception;

    /** Opens a camera by name. */
    Camera open(String name) throws Exception;

    /** An open camera. */
    interface Camera extends AutoCloseable {
        /** The next frame, or {@code null} when none is ready. */
        BufferedImage grab();

        @Override
        void close();
    }
}

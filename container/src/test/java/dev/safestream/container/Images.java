package dev.safestream.container;

import java.nio.file.Path;

/** The image's name and tarball, as container/pom.xml builds them (set by surefire and failsafe). */
final class Images {
    private Images() {}

    static String name() {
        return System.getProperty("safestream.image.name", "safestream-server");
    }

    static String version() {
        return System.getProperty("safestream.version", "development");
    }

    /** What `docker load` / `podman load` call the image. */
    static String reference() {
        return name() + ":" + version();
    }

    static Path tarball() {
        return Path.of(System.getProperty("safestream.image.tar", "target/safestream-server-image.tar"));
    }
}

package dev.safestream.installers;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where `package.sh` put its output, and the build's version; set by failsafe from installers/pom.xml. */
final class Packages {
    private Packages() {}

    static String version() {
        return System.getProperty("safestream.version", "development");
    }

    /** The Debian form of the version: 0.1.0-SNAPSHOT becomes 0.1.0~SNAPSHOT, which sorts before 0.1.0. */
    static String debianVersion() {
        return version().replaceFirst("-", "~");
    }

    static Path out() {
        return Path.of(System.getProperty("safestream.installers", "target/installers"));
    }

    static Path appImage(String name) {
        return out().resolve("app-images").resolve(name);
    }

    static Path launcher(String name) {
        return appImage(name).resolve("bin").resolve(name);
    }

    static Path deb(String name) {
        return out().resolve("debs").resolve(name + "_" + debianVersion() + "_amd64.deb");
    }

    static boolean debsBuilt() {
        return Files.isRegularFile(deb("safestream-server")) && Files.isRegularFile(deb("safestream-console"));
    }
}

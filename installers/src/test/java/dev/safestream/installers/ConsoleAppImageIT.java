package dev.safestream.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's jpackage app-image, started through its packaged launcher and bundled runtime. Without a display
 * the test renders headless with Monocle, which is not shipped: a copy of the app-image gets Monocle on its class
 * path through the launcher's own configuration file; the launcher binary, runtime and jar are the packaged ones.
 */
class ConsoleAppImageIT {
    private static final String NAME = "safestream-console";

    @TempDir
    Path work;

    @Test
    void versionPrintsWithoutADisplay() {
        assertThat(Launched.succeed(work, Packages.launcher(NAME).toString(), "--version"))
                .contains("safestream-console " + Packages.version());
    }

    @Test
    void showsTheLoginWindowHeadlessAndExitsCleanlyOnSigterm() throws Exception {
        Path app = headlessCopy();
        Map<String, String> env = Map.of(
                "JAVA_TOOL_OPTIONS",
                String.join(
                        " ",
                        "-Dglass.platform=Monocle",
                        "-Dmonocle.platform=Headless",
                        "-Dheadless.geometry=1600x1000-32",
                        "-Dprism.order=sw",
                        "-Djava.util.prefs.userRoot=" + work.resolve("prefs")),
                "HOME",
                work.toString());
        try (Launched console =
                Launched.start(List.of(app.resolve("bin/" + NAME).toString()), env, work)) {
            console.awaitLine(Pattern.compile("Login window shown"), Duration.ofSeconds(90));
            assertThat(console.terminate(Duration.ofSeconds(20))).isIn(0, 143);
            assertThat(console.output())
                    .contains("SafeStream console " + Packages.version() + " starting")
                    .contains("SafeStream console closed")
                    .doesNotContain("Exception")
                    .doesNotContain("terminally deprecated");
        }
    }

    /** Copies the app-image and rewrites its launcher configuration to add Monocle to the class path. */
    private Path headlessCopy() throws IOException {
        Path copy = work.resolve(NAME);
        Launched.succeed(work, "cp", "-a", Packages.appImage(NAME).toString(), copy.toString());
        Path cfg = copy.resolve("lib/app/" + NAME + ".cfg");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(cfg)) {
            if (line.startsWith("app.mainjar=")) {
                lines.add("app.classpath=" + line.substring("app.mainjar=".length()));
                lines.add("app.classpath=" + System.getProperty("safestream.monocle"));
                lines.add("app.mainclass=dev.safestream.console.Main");
            } else {
                lines.add(line);
            }
        }
        assertThat(lines)
                .as("the packaged launcher configuration names its main jar")
                .anyMatch(l -> l.startsWith("app.mainclass="));
        Files.write(cfg, lines);
        return copy;
    }
}

package dev.safestream.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/** The .deb packages as dpkg sees them; built only where dpkg-deb and fakeroot exist (CI installs both). */
@EnabledIf("dev.safestream.installers.Packages#debsBuilt")
class DebPackagesIT {
    @TempDir
    Path work;

    @Test
    void serverPackageShipsTheServiceConfigAndLauncher() throws IOException {
        Path deb = Packages.deb("safestream-server");
        assertThat(field(deb, "Package")).isEqualTo("safestream-server");
        assertThat(field(deb, "Version")).isEqualTo(Packages.debianVersion());
        assertThat(field(deb, "Architecture")).isEqualTo("amd64");
        assertThat(field(deb, "Depends")).contains("adduser", "libc6", "libstdc++6");
        assertThat(dpkgDeb("-c", deb.toString()))
                .contains("./usr/lib/systemd/system/safestream.service")
                .contains("./etc/safestream/server.env")
                .contains("./opt/safestream-server/bin/safestream-server")
                .contains("./opt/safestream-server/lib/runtime/")
                .contains("./usr/bin/safestream-server -> /opt/safestream-server/bin/safestream-server")
                .contains("./usr/share/doc/safestream-server/README.Debian");

        Path control = work.resolve("control");
        dpkgDeb("-e", deb.toString(), control.toString());
        assertThat(control.resolve("conffiles")).content().isEqualToIgnoringNewLines("/etc/safestream/server.env");
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Launched.succeed(work, "sh", "-n", control.resolve(script).toString());
            assertThat(Files.isExecutable(control.resolve(script))).as(script).isTrue();
        }
        assertThat(control.resolve("postrm")).content().contains("purge)").contains("rm -rf /var/lib/safestream");
    }

    @Test
    void consolePackageHasADesktopEntryAndTheGtkDependency() throws IOException {
        Path deb = Packages.deb("safestream-console");
        assertThat(field(deb, "Package")).isEqualTo("safestream-console");
        assertThat(field(deb, "Version")).isEqualTo(Packages.debianVersion());
        assertThat(field(deb, "Depends")).contains("libgtk-3-0");
        String files = dpkgDeb("-c", deb.toString());
        assertThat(files).contains("./opt/safestream-console/bin/safestream-console");
        Path tree = work.resolve("console");
        dpkgDeb("-x", deb.toString(), tree.toString());
        try (var desktopFiles = Files.list(tree.resolve("opt/safestream-console/lib"))) {
            Path desktop = desktopFiles
                    .filter(f -> f.toString().endsWith(".desktop"))
                    .findFirst()
                    .orElseThrow();
            assertThat(desktop)
                    .content()
                    .contains("Name=SafeStream Console")
                    .contains("Exec=/opt/safestream-console/bin/safestream-console")
                    .contains("Categories=Network;Chat;");
        }
        assertThat(tree.resolve("opt/safestream-console/lib/safestream-console.png"))
                .isRegularFile();
    }

    private String field(Path deb, String name) {
        return dpkgDeb("-f", deb.toString(), name).strip();
    }

    private String dpkgDeb(String... args) {
        return Launched.succeed(
                work, Stream.concat(Stream.of("dpkg-deb"), Arrays.stream(args)).toArray(String[]::new));
    }
}

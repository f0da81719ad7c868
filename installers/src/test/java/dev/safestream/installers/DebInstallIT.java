package dev.safestream.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the server package on this machine for real: install, run as the service would, upgrade, run again,
 * remove, purge. It changes the machine (a system user, /opt, /etc, /var/lib), so it runs only where asked:
 * {@code SAFESTREAM_TEST_DEB_INSTALL=1}, which {@code .ci/run} sets on a disposable CI machine running as root
 * without systemd and without SafeStream installed.
 */
@EnabledIfEnvironmentVariable(named = "SAFESTREAM_TEST_DEB_INSTALL", matches = "1")
class DebInstallIT {
    private static final Path DATA = Path.of("/var/lib/safestream");
    private static final Path CONFIG = Path.of("/etc/safestream/server.env");

    @TempDir
    Path work;

    @Test
    void installRunUpgradeRemoveAndPurge() throws Exception {
        assertThat(sh("dpkg-query -W -f='${Status}' safestream-server 2>/dev/null || true"))
                .as("safestream-server must not be installed before this test")
                .doesNotContain("installed");
        Path deb = Packages.deb("safestream-server");

        assertThat(sh("dpkg -i " + deb)).contains("Setting up safestream-server");
        assertThat(sh("id -un safestream")).contains("safestream");
        assertThat(owner(CONFIG)).isEqualTo("root:safestream");
        assertThat(owner(DATA)).isEqualTo("safestream:safestream");
        assertThat(sh("safestream-server --version")).contains("safestream-server " + Packages.version());

        try (Launched server = runAsService()) {
            URI base = Http.awaitListening(server);
            assertThat(Http.get(base.resolve("/healthz")).body()).contains("healthy");
            assertThat(Http.get(base.resolve("/login")).statusCode()).isEqualTo(200);
            assertThat(Http.register(base, "installed_ida", "installed-1").statusCode())
                    .isEqualTo(200);
            assertThat(server.terminate(Duration.ofSeconds(30))).isIn(0, 143);
        }
        assertThat(DATA.resolve("initial-admin-password")).exists();
        Files.writeString(CONFIG, Files.readString(CONFIG) + "# kept across upgrades\n");

        assertThat(sh("dpkg -i --force-confold " + nextVersion(deb))).contains("Setting up safestream-server");
        assertThat(Files.readString(CONFIG)).contains("# kept across upgrades");
        try (Launched server = runAsService()) {
            URI base = Http.awaitListening(server);
            assertThat(Http.login(base, "installed_ida", "installed-1").statusCode())
                    .as("the account made before the upgrade")
                    .isEqualTo(200);
            assertThat(server.output()).doesNotContain("created the admin account");
            assertThat(server.terminate(Duration.ofSeconds(30))).isIn(0, 143);
        }

        sh("dpkg -r safestream-server");
        assertThat(Path.of("/opt/safestream-server")).doesNotExist();
        assertThat(DATA.resolve("safestream.mv.db")).as("remove keeps the data").exists();
        assertThat(CONFIG).exists();

        sh("dpkg -P safestream-server");
        assertThat(DATA).as("purge deletes the data").doesNotExist();
        assertThat(Path.of("/etc/safestream")).doesNotExist();
        assertThat(sh("getent passwd safestream || echo gone")).contains("gone");
    }

    @AfterAll
    static void purgeWhatIsLeft() {
        Launched.run(
                List.of("sh", "-c", "dpkg -P safestream-server >/dev/null 2>&1 || true"), Map.of(), Path.of("."), "");
    }

    /** What safestream.service runs, as its user, with the unit's environment; systemd is not running here. */
    private Launched runAsService() {
        return Launched.start(
                List.of(
                        "runuser",
                        "-u",
                        "safestream",
                        "--",
                        "env",
                        "-i",
                        "PATH=/usr/bin:/bin",
                        "DATA_DIR=" + DATA,
                        "APP_HOST=127.0.0.1",
                        "APP_PORT=0",
                        "GIFT_INTERVAL_SECS=0",
                        "/opt/safestream-server/bin/safestream-server",
                        "serve"),
                Map.of(),
                work);
    }

    /** The same package with a higher version, as the next release would be. */
    private Path nextVersion(Path deb) {
        Path tree = work.resolve("next");
        sh("dpkg-deb -R " + deb + " " + tree);
        sh("sed -i 's/^Version: .*/&+next/' " + tree.resolve("DEBIAN/control"));
        Path next = work.resolve("next.deb");
        sh("dpkg-deb -b " + tree + " " + next);
        return next;
    }

    private String sh(String script) {
        return Launched.succeed(work, "sh", "-c", script);
    }

    private static String owner(Path path) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class);
        return attributes.owner().getName() + ":" + attributes.group().getName();
    }
}

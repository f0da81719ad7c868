package dev.safestream.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.sarxos.webcam.Webcam;
import dev.safestream.console.net.ConnectionStatus;
import dev.safestream.console.net.HttpServerClient;
import dev.safestream.console.webcam.FakeWebcamDriver;
import dev.safestream.console.webcam.SarxosCameraSource;
import dev.safestream.server.support.MutableClock;
import dev.safestream.server.support.TestServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A scripted start (--server, --user, SAFESTREAM_PASSWORD) skips the login form; when the server comes back after the
 * token expired, the console drops the session and shows the login form with the reason.
 */
@Timeout(120)
class ExpiredSessionIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final FxRobot robot = new FxRobot();
    private final Preferences prefs = Preferences.userRoot().node("dev/safestream/console-it/" + UUID.randomUUID());
    private TestServer server;
    private ConsoleApp app;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        Webcam.resetDriver();
        prefs.removeNode();
        server.close();
    }

    @Test
    void aScriptedStartLogsInAndAnExpiredTokenLeadsBackToTheLoginForm() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int fixedPort = port;
        Path data = Files.createTempDirectory("console-expiry");
        MutableClock clock = MutableClock.startingNow();
        server = TestServer.start(data, b -> {
            b.http.port = fixedPort;
            b.clock = clock;
        });
        Webcam.setDriver(new FakeWebcamDriver());
        ConsoleEnvironment env = new ConsoleEnvironment(
                List.of("--server", "http://127.0.0.1:" + port, "--user", "admin"),
                Map.of(LaunchOptions.PASSWORD_ENV, TestServer.ADMIN_PASSWORD),
                clock,
                prefs,
                new SarxosCameraSource(2_000),
                uri -> new HttpServerClient(uri, clock));
        FxToolkit.registerPrimaryStage();
        app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(env));

        await().atMost(WAIT)
                .until(() -> fx(() ->
                        app.console() != null && app.console().statusProperty().get() == ConnectionStatus.CONNECTED));

        server.close();
        clock.advance(Duration.ofHours(2));
        server = TestServer.start(data, b -> {
            b.http.port = fixedPort;
            b.clock = clock;
        });

        await().atMost(WAIT)
                .until(() -> fx(() -> app.console() == null
                        && !robot.lookup("#login-error").tryQuery().isEmpty()));
        assertThat(fx(() -> robot.lookup("#login-error").queryAs(Label.class).getText()))
                .isEqualTo("session expired; log in again");
        assertThat(fx(() ->
                        robot.lookup("#login-username").queryTextInputControl().getText()))
                .isEqualTo("admin");
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}

package dev.safestream.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.sarxos.webcam.Webcam;
import dev.safestream.console.net.ConnectionStatus;
import dev.safestream.console.net.HttpServerClient;
import dev.safestream.console.webcam.FakeWebcamDriver;
import dev.safestream.console.webcam.SarxosCameraSource;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The People view against a real server: an admin appoints a channel moderator (confirmed in a dialog), the server
 * records it and the audit view shows it; the new moderator, a viewer by site role, may then use the console, without
 * the People view.
 */
@Timeout(120)
class PeopleIT {
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

    private void launch(String user, String password) throws Exception {
        Webcam.setDriver(new FakeWebcamDriver());
        ConsoleEnvironment env = new ConsoleEnvironment(
                List.of("--server", "http://127.0.0.1:" + server.port(), "--user", user),
                Map.of(LaunchOptions.PASSWORD_ENV, password),
                Clock.systemUTC(),
                prefs,
                new SarxosCameraSource(2_000),
                uri -> new HttpServerClient(uri, Clock.systemUTC()));
        FxToolkit.registerPrimaryStage();
        app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(env));
        await().atMost(WAIT)
                .until(() -> fx(() ->
                        app.console() != null && app.console().statusProperty().get() == ConnectionStatus.CONNECTED));
    }

    @Test
    void anAdminAppointsAModeratorWhoThenUsesTheConsole() throws Exception {
        server = TestServer.start(b -> {});
        Api api = server.api();
        api.register("kim_people", "secret1");

        launch("admin", TestServer.ADMIN_PASSWORD);
        await().atMost(WAIT)
                .until(() -> fx(() -> tabs().getTabs().stream().anyMatch(t -> "people-tab".equals(t.getId()))));
        fx(() -> {
            Tab people = tabs().getTabs().stream()
                    .filter(t -> "people-tab".equals(t.getId()))
                    .findFirst()
                    .orElseThrow();
            tabs().getSelectionModel().select(people);
            return null;
        });
        await().atMost(WAIT)
                .until(() -> fx(() -> !robot.lookup("#people-table").tryQuery().isEmpty()));
        fx(() -> {
            robot.lookup("#people-target").queryAs(TextField.class).setText("kim_people");
            return null;
        });
        robot.clickOn(robot.lookup("#people-appoint").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("OK");

        await().atMost(WAIT).until(() -> api.get("/api/channels/main/moderators", api.adminToken())
                .body()
                .contains("kim_people"));
        await().atMost(WAIT)
                .until(
                        () -> fx(() -> robot.lookup("#people-status")
                                .queryAs(Label.class)
                                .getText()),
                        s -> s.contains("kim_people now moderates #main"));
        assertThat(api.get("/api/admin/audit?channel=main", api.adminToken()).body())
                .contains("appoint_moderator");

        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        launch("kim_people", "secret1");
        assertThat(fx(() -> tabs().getTabs().stream().noneMatch(t -> "people-tab".equals(t.getId()))))
                .as("a channel moderator does not manage people")
                .isTrue();
    }

    private TabPane tabs() {
        return robot.lookup(".tab-pane").queryAs(TabPane.class);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}

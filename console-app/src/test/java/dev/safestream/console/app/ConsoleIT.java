package dev.safestream.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.sarxos.webcam.Webcam;
import dev.safestream.console.feed.FeedItem;
import dev.safestream.console.net.HttpServerClient;
import dev.safestream.console.net.QueueItem;
import dev.safestream.console.webcam.FakeWebcamDriver;
import dev.safestream.console.webcam.SarxosCameraSource;
import dev.safestream.console.webcam.WebcamViewModel;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console driven through its real scenes (headless Monocle) against a real server on port 0: log in through the
 * form, see messages arrive, decide held messages with a key, mute from the action bar, watch the charts, and the
 * webcam tab on a machine without cameras. Writes target/screenshots/console.png (copy it to docs/images/ to refresh the
 * README's picture).
 */
@Timeout(180)
class ConsoleIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestServer server;
    private static String admin;
    private final FxRobot robot = new FxRobot();
    private Preferences prefs;
    private ConsoleApp app;
    private Stage stage;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start();
        admin = server.api().adminToken();
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void launch() throws Exception {
        Webcam.setDriver(new FakeWebcamDriver());
        prefs = Preferences.userRoot().node("dev/safestream/console-it/" + UUID.randomUUID());
        ConsoleEnvironment env = new ConsoleEnvironment(
                List.of("--server", "http://127.0.0.1:" + server.port()),
                Map.of(),
                Clock.systemUTC(),
                prefs,
                new SarxosCameraSource(2_000),
                uri -> new HttpServerClient(uri, Clock.systemUTC()));
        stage = FxToolkit.registerPrimaryStage();
        app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(env));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        Webcam.resetDriver();
        prefs.removeNode();
        server.api()
                .put(
                        "/api/channels/main/moderation",
                        Map.of("mode", "post", "thresholds", Map.of("flag", 0.6, "block", 0.9)),
                        admin);
    }

    @Test
    void aModeratorLogsInAndSeesMessagesWithScoresArrive() throws Exception {
        logIn();
        try (WsClient alice = viewer("alice_" + suffix())) {
            alice.chat("hello console");
            alice.chat("you are an idiot");

            alice.awaitChat("hello console");
            await().atMost(WAIT).untilAsserted(() -> assertThat(fx(this::texts))
                    .as(() -> "alice saw " + alice.events() + " paused="
                            + app.console().feed().pausedProperty().get() + " new="
                            + app.console().feed().newWhilePausedProperty().get())
                    .contains("hello console", "you are an idiot"));
        }
        FeedItem toxic = fx(() -> app.console().feed().items().stream()
                .filter(i -> i.text().equals("you are an idiot"))
                .findFirst()
                .orElseThrow());
        assertThat(toxic.score()).isGreaterThan(0);
        assertThat(fx(() -> robot.lookup("#connection").queryAs(Label.class).getText()))
                .isEqualTo("● connected");

        await().atMost(WAIT).until(() -> fx(() -> app.console().view().charts.toxicPoints() > 0));

        robot.clickOn(robot.lookup(".feed-user")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText(toxic.user()))
                .queryLabeled());
        robot.type(KeyCode.U);
        await().atMost(WAIT).untilAsserted(() -> assertThat(fx(
                        () -> robot.lookup("#card-account").queryAs(Label.class).getText() + " | tab="
                                + app.console()
                                        .view()
                                        .tabs
                                        .getSelectionModel()
                                        .getSelectedItem()
                                        .getText()))
                .startsWith("viewer · account 0 min old"));
        assertThat(fx(() ->
                        robot.lookup("#action-target").queryTextInputControl().getText()))
                .isEqualTo(toxic.user());
        assertThat(fx(() -> robot.lookup("#tile-rate").queryAs(Label.class).getText()))
                .isNotEqualTo("0");
    }

    @Test
    void aHeldMessageIsApprovedWithTheAKey() throws Exception {
        preModerate();
        logIn();
        String user = "bob_" + suffix();
        try (WsClient bob = viewer(user)) {
            bob.chat("please let me through");
            await().atMost(WAIT).until(() -> pendingFrom(user));

            robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
            robot.clickOn("#queue-list");
            selectQueueItemOf(user);
            robot.type(KeyCode.A);

            await().atMost(WAIT).until(() -> !pendingFrom(user));
            await().atMost(WAIT)
                    .until(() -> fx(() -> app.console().feed().items().stream()
                            .anyMatch(i -> i.user().equals(user) && "approved".equals(i.review()))));
            assertThat(fx(() ->
                            robot.lookup("#queue-status").queryAs(Label.class).getText()))
                    .contains("approved");
            bob.await(n -> n.path("type").asText().equals("chat")
                    && !n.path("held").asBoolean()
                    && n.path("message").asText().equals("please let me through"));
        }
    }

    @Test
    void anotherModeratorsDecisionLeavesTheQueueAndSaysWhoDecided() throws Exception {
        preModerate();
        logIn();
        String user = "frank_" + suffix();
        try (WsClient frank = viewer(user)) {
            frank.chat("decide me elsewhere");
            await().atMost(WAIT).until(() -> pendingFrom(user));
            long id = fx(() -> app.console().queue().pending().stream()
                    .filter(i -> i.user().equals(user))
                    .findFirst()
                    .orElseThrow()
                    .id());

            server.api().post("/api/moderation/queue/" + id + "/decisions", Map.of("decision", "reject"), admin);

            await().atMost(WAIT)
                    .until(() ->
                            fx(() -> app.console().queue().pending().stream().noneMatch(i -> i.id() == id)));
            assertThat(fx(() ->
                            robot.lookup("#queue-status").queryAs(Label.class).getText()))
                    .isEqualTo("admin rejected " + user + "'s message → rejected");
        }
    }

    @Test
    void aModeratorMutesAUserFromTheActionBar() throws Exception {
        logIn();
        String user = "carol_" + suffix();
        try (WsClient carol = viewer(user)) {
            robot.clickOn("#action-target").write(user);
            robot.clickOn("#action-mute");

            await().atMost(WAIT)
                    .until(() -> fx(() -> robot.lookup("#action-feedback")
                            .queryAs(Label.class)
                            .getText()
                            .startsWith("muted " + user + " until")));
            carol.awaitType("muted");
        }
    }

    @Test
    void aModeratorWarnsAUserFromTheActionBarAndTheirChatWaits() throws Exception {
        logIn();
        String user = "erin_" + suffix();
        try (WsClient erin = viewer(user)) {
            robot.clickOn("#action-target").write(user);
            robot.clickOn("#action-warn");

            await().atMost(WAIT).untilAsserted(() -> assertThat(fx(() -> robot.lookup("#action-feedback")
                            .queryAs(Label.class)
                            .getText()))
                    .isEqualTo("warned " + user));
            erin.awaitType("warned");
        }
    }

    @Test
    void aModeratorDeletesAMessageFromTheFeedWithTheDeleteKeyAfterConfirming() throws Exception {
        logIn();
        String user = "dave_" + suffix();
        try (WsClient dave = viewer(user)) {
            dave.chat("please take this back");
            await().atMost(WAIT).until(() -> fx(this::texts).contains("please take this back"));
            robot.clickOn(robot.lookup(".feed-user")
                    .match(org.testfx.matcher.control.LabeledMatchers.hasText(user))
                    .queryLabeled());
            robot.type(KeyCode.DELETE);
            await().atMost(WAIT)
                    .until(() ->
                            fx(() -> robot.lookup(".dialog-pane").tryQuery().isPresent()));
            assertThat(fx(() ->
                            robot.lookup(".dialog-pane .content").queryLabeled().getText()))
                    .contains(user, "please take this back");
            robot.clickOn(robot.lookup(".dialog-pane .button")
                    .match(org.testfx.matcher.control.LabeledMatchers.hasText("OK"))
                    .queryButton());
            await().atMost(WAIT)
                    .until(() ->
                            fx(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty()));
            await().atMost(WAIT).untilAsserted(() -> assertThat(fx(() -> robot.lookup("#action-feedback")
                            .queryAs(Label.class)
                            .getText()))
                    .startsWith("deleted "));

            JsonNode deleted = dave.awaitType("message_deleted");
            assertThat(deleted.path("by").asText()).isEqualTo("admin");
            await().atMost(WAIT)
                    .until(() -> fx(() -> app.console().feed().items().stream()
                            .anyMatch(i -> i.user().equals(user) && "admin".equals(i.deletedBy()))));
            assertThat(fx(() -> robot.lookup("#action-feedback")
                            .queryAs(Label.class)
                            .getText()))
                    .isEqualTo("deleted " + user + "'s message for everyone");
        }
    }

    @Test
    void theWebcamTabSaysNoCameraFoundOnAMachineWithout() throws Exception {
        logIn();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);

        await().atMost(WAIT)
                .until(() -> fx(() -> WebcamViewModel.NO_CAMERA.equals(
                        robot.lookup("#webcam-state").queryAs(Label.class).getText())));
    }

    @Test
    void screenshotOfTheMainWindowWithLiveData() throws Exception {
        server.api()
                .put(
                        "/api/channels/main/moderation",
                        Map.of(
                                "mode",
                                "hold_uncertain",
                                "thresholds",
                                Map.of("flag", 0.6, "block", 0.9, "hold_low", 0.3)),
                        admin);
        logIn();
        String fan = "streamfan_" + suffix();
        String troll = "troll_" + suffix();
        String newbie = "newbie_" + suffix();
        try (WsClient a = viewer(fan);
                WsClient b = viewer(troll);
                WsClient c = viewer(newbie)) {
            a.chat("gg that was a great play!");
            b.chat("you are an idiot");
            c.chat("how do I enable chat colours?");
            a.chat("lol the boss fight");
            b.chat("kys");
            c.chat("what a stupid idea, idiot");
            a.chat("wp everyone");
            c.chat("that boss is stupid");
            gift(fan, 3, 5);
            gift(newbie, 2, 2);
            await().atMost(WAIT)
                    .until(() -> fx(() -> app.console().feed().items().size() >= 8));
            await().atMost(WAIT)
                    .until(() -> fx(() -> app.console().view().charts.toxicPoints() > 0));
            await().atMost(WAIT)
                    .until(() -> fx(() -> app.console().queue().pending().size() == 1));
            await().atMost(WAIT)
                    .until(() -> fx(() ->
                            !app.console().tiles().topGiftersProperty().get().equals("—")));
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> {
                app.console().view().charts.refresh();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            WritableImage image = fx(() -> stage.getScene().snapshot(null));
            BufferedImage png = SwingFXUtils.fromFXImage(image, null);
            Path shots = Path.of("target/screenshots");
            Files.createDirectories(shots);
            ImageIO.write(png, "png", shots.resolve("console.png").toFile());
            assertThat(png.getWidth()).isGreaterThan(800);
        }
    }

    private void logIn() throws Exception {
        robot.clickOn("#login-username").write("admin");
        robot.clickOn("#login-password").write(TestServer.ADMIN_PASSWORD);
        robot.type(KeyCode.ENTER);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(fx(this::loginState)).isEqualTo("CONNECTED"));
        assertThat(prefs.get("username", "")).isEqualTo("admin");
    }

    private String loginState() {
        if (app.console() != null) {
            return app.console().statusProperty().get().name();
        }
        return "login form: user="
                + robot.lookup("#login-username").queryTextInputControl().getText()
                + " server="
                + robot.lookup("#login-server").queryTextInputControl().getText()
                + " error=" + robot.lookup("#login-error").queryAs(Label.class).getText();
    }

    private void selectQueueItemOf(String user) throws Exception {
        fx(() -> {
            QueueItem item = app.console().queue().pending().stream()
                    .filter(i -> i.user().equals(user))
                    .findFirst()
                    .orElseThrow();
            app.console().queue().selectedProperty().set(item);
            return null;
        });
    }

    private List<String> texts() {
        return app.console().feed().items().stream().map(FeedItem::text).toList();
    }

    private static WsClient viewer(String name) {
        String token = server.api().register(name, "secret-" + name);
        return WsClient.connect(server.wsBase(), name, token);
    }

    private static void gift(String user, int giftId, int amount) {
        String token = server.api().login(user, "secret-" + user);
        assertThat(server.api()
                        .post("/api/gift", Map.of("gift_id", giftId, "amount", amount), token)
                        .status())
                .isEqualTo(202);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    /** Every message of channel main waits for review. */
    private void preModerate() {
        server.api()
                .put(
                        "/api/channels/main/moderation",
                        Map.of("mode", "pre_moderate", "thresholds", Map.of("flag", 0.6, "block", 0.9)),
                        admin);
    }

    /** Whether the console's review queue holds a message from {@code user}. */
    private boolean pendingFrom(String user) throws Exception {
        return fx(() ->
                app.console().queue().pending().stream().anyMatch(i -> i.user().equals(user)));
    }
}

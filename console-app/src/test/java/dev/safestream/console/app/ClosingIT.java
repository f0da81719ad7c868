package dev.safestream.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.safestream.console.net.FakeServerClient;
import dev.safestream.console.webcam.CameraSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How the console ends: the shutdown hook (SIGTERM) closes the connection off the FX thread within the limit even when
 * the server never answers, the window closing does the same, and either way "SafeStream console closed" is logged
 * once. The log lines are what the packaging smoke test matches, so they are pinned here verbatim.
 */
@Timeout(60)
class ClosingIT {
    private static final String PASSWORD = "s3cret-pw";
    private final Preferences prefs = Preferences.userRoot().node("dev/safestream/console-it/" + UUID.randomUUID());
    private final FakeServerClient client = new FakeServerClient();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> logs = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            messages.add(event.getFormattedMessage());
        }
    };
    private final Logger logger = (Logger) LoggerFactory.getLogger(ConsoleApp.class);
    private ConsoleApp app;

    @BeforeEach
    void capture() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void close() throws Exception {
        CountDownLatch hanging = client.closeWaitsFor;
        if (hanging != null) {
            hanging.countDown();
        }
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        logger.detachAppender(logs);
        prefs.removeNode();
    }

    @Test
    void theShutdownHookClosesAConnectionThatNeverSaysGoodbyeWithinTheLimit() throws Exception {
        start(List.of("--server", "http://fake:8000", "--user", "mod", "--channel", "gaming"), PASSWORD);
        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() -> app.console() != null));
        client.closeWaitsFor = new CountDownLatch(1);

        long started = System.nanoTime();
        app.closeOnShutdown(); // as the JVM would, on a thread of its own
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(client.closed).isTrue();
        assertThat(took).isLessThan(ModeratorConsole.CLOSE_LIMIT.plusSeconds(1));
        FxToolkit.cleanupApplication(app); // a window closing afterwards closes and logs nothing twice
        app = null;
        assertThat(messages())
                .contains(
                        "Moderating channel gaming on http://fake:8000 as mod",
                        "Connection still closing after 2000 ms; exiting anyway")
                .containsOnlyOnce(ConsoleApp.CLOSED)
                .noneMatch(m -> m.contains(PASSWORD) || m.contains(client.session.token()));
        assertThat(messages().getLast()).isEqualTo("SafeStream console closed");
    }

    @Test
    void closingTheWindowClosesTheConnectionAndLogsItOnce() throws Exception {
        start(List.of("--server", "http://fake:8000"), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> messages().contains("Login window shown"));

        FxToolkit.cleanupApplication(app);
        app.closeOnShutdown(); // the JVM exiting afterwards
        app = null;

        assertThat(messages().getFirst())
                .isEqualTo("SafeStream console " + LaunchOptions.version() + " starting (Java "
                        + System.getProperty("java.version") + ")");
        assertThat(messages()).containsOnlyOnce("SafeStream console closed");
    }

    @Test
    void closingTheWindowWhileModeratingClosesTheConnection() throws Exception {
        start(List.of("--server", "http://fake:8000", "--user", "mod"), PASSWORD);
        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() -> app.console() != null));

        FxToolkit.cleanupApplication(app);
        app = null;

        assertThat(client.closed).isTrue();
        assertThat(messages()).containsOnlyOnce("SafeStream console closed");
    }

    private void start(List<String> args, String password) throws Exception {
        ConsoleEnvironment env = new ConsoleEnvironment(
                args,
                password == null ? Map.of() : Map.of(LaunchOptions.PASSWORD_ENV, password),
                Clock.systemUTC(),
                prefs,
                new CameraSource() {
                    @Override
                    public List<String> devices() {
                        return List.of();
                    }

                    @Override
                    public Camera open(String name) {
                        throw new IllegalStateException("no cameras here");
                    }
                },
                uri -> client);
        FxToolkit.registerPrimaryStage();
        app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(env));
    }

    private List<String> messages() {
        return List.copyOf(messages);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}

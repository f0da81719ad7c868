package dev.safestream.console.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.safestream.protocol.MessageModerated;
import dev.safestream.protocol.ServerEvent;
import dev.safestream.protocol.settings.ModerationMode;
import dev.safestream.protocol.settings.ModerationSettings;
import dev.safestream.server.support.MutableClock;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The console's network client against a real server: REST shapes, the moderator stream, reconnect, expiry. */
@Timeout(120)
class HttpServerClientIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final List<ServerEvent> events = new CopyOnWriteArrayList<>();
    private final List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
    private final ServerClient.EventListener listener = new ServerClient.EventListener() {
        @Override
        public void onEvent(ServerEvent event) {
            events.add(event);
        }

        @Override
        public void onStatus(ConnectionStatus status, String detail) {
            statuses.add(status);
        }
    };

    @Test
    void restCallsMatchTheServersShapes() throws Exception {
        try (TestServer server = TestServer.start();
                HttpServerClient client = client(server.port(), Clock.systemUTC())) {
            Session session = client.login("admin", TestServer.ADMIN_PASSWORD).get(10, TimeUnit.SECONDS);
            assertThat(session.role()).isEqualTo("admin");
            String token = server.api().register("dave", "secret-dave");
            try (WsClient dave = WsClient.connect(server.wsBase(), "dave", token)) {
                ActionResult muted = client.act(
                                new UserAction(UserAction.Kind.MUTE, "dave", "main", Duration.ofMinutes(1), "spam"))
                        .get(10, TimeUnit.SECONDS);
                assertThat(muted.summary()).startsWith("muted dave until ");
            }
            assertThat(client.sanctions("main").get(10, TimeUnit.SECONDS))
                    .singleElement()
                    .satisfies(s -> {
                        assertThat(s.username()).isEqualTo("dave");
                        assertThat(s.kind()).isEqualTo("mute");
                        assertThat(s.reason()).isEqualTo("spam");
                        assertThat(s.issuedBy()).isEqualTo("admin");
                    });
            List<AuditRecord> audit = client.audit("main", 10).get(10, TimeUnit.SECONDS);
            assertThat(audit).anySatisfy(r -> {
                assertThat(r.action()).isEqualTo("mute");
                assertThat(r.target()).isEqualTo("dave");
                assertThat(r.durationSeconds()).isEqualTo(60L);
                assertThat(r.reason()).isEqualTo("spam");
            });
            ModerationSettings settings = client.moderationSettings("main").get(10, TimeUnit.SECONDS);
            ModerationSettings preModerated = settings.withMode(ModerationMode.PRE_MODERATE);
            assertThat(client.updateModerationSettings("main", preModerated).get(10, TimeUnit.SECONDS))
                    .isEqualTo(preModerated);
            assertThat(client.moderationSettings("main").get(10, TimeUnit.SECONDS))
                    .isEqualTo(preModerated);
            assertThat(client.figures("main").get(10, TimeUnit.SECONDS).channel())
                    .isEqualTo("main");
            assertThatThrownBy(() -> client.decide(999_999, "approve", null).join())
                    .hasCauseInstanceOf(ServerException.class);
        }
    }

    @Test
    void theStreamReconnectsAfterARestartAndAsksForLoginWhenTheTokenExpired() throws Exception {
        int port = freePort();
        Path data = Files.createTempDirectory("console-reconnect");
        MutableClock clock = MutableClock.startingNow();
        TestServer server = TestServer.start(data, b -> {
            b.http.port = port;
            b.clock = clock;
        });
        try (HttpServerClient client = client(port, clock)) {
            client.login("admin", TestServer.ADMIN_PASSWORD).get(10, TimeUnit.SECONDS);
            client.connect("main", listener);
            await().atMost(WAIT).until(() -> statuses.contains(ConnectionStatus.CONNECTED));

            server.close();
            await().atMost(WAIT).until(() -> statuses.contains(ConnectionStatus.RECONNECTING));
            statuses.clear();
            server = TestServer.start(data, b -> {
                b.http.port = port;
                b.clock = clock;
            });
            await().atMost(WAIT).until(() -> statuses.contains(ConnectionStatus.CONNECTED));

            String token = server.api().register("erin", "secret-erin");
            try (WsClient erin = WsClient.connect(server.wsBase(), "erin", token)) {
                erin.chat("still there?");
                await().atMost(WAIT).until(() -> events.stream()
                        .anyMatch(e ->
                                e instanceof MessageModerated m && m.message().equals("still there?")));
            }

            server.close();
            clock.advance(Duration.ofHours(2));
            server = TestServer.start(data, b -> {
                b.http.port = port;
                b.clock = clock;
            });
            await().atMost(WAIT).until(() -> statuses.contains(ConnectionStatus.AUTH_EXPIRED));
        } finally {
            server.close();
        }
    }

    private static HttpServerClient client(int port, Clock clock) {
        return new HttpServerClient(URI.create("http://127.0.0.1:" + port), clock);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

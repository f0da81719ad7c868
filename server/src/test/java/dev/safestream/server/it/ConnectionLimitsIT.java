package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safestream.protocol.CloseCode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.MutableClock;
import dev.safestream.server.support.RawWsClient;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ConnectionLimitsIT {

    @Test
    void connectionsBeyondTheLimitCloseWithTryAgainLater() {
        try (TestServer server = TestServer.start(b -> {
            b.websocket.maxConnections = 2;
            b.websocket.moderatorReservedConnections = 0;
        })) {
            Api api = server.api();
            String t1 = api.register("cap_one", "secret1");
            String t2 = api.register("cap_two", "secret1");
            String t3 = api.register("cap_three", "secret1");
            try (WsClient a = WsClient.connect(server.wsBase(), "cap_one", t1);
                    WsClient b = WsClient.connect(server.wsBase(), "cap_two", t2)) {
                a.awaitType("welcome");
                b.awaitType("welcome");
                try (WsClient c = WsClient.connect(server.wsBase(), "cap_three", t3)) {
                    assertThat(c.awaitClose()).isEqualTo(CloseCode.TRY_AGAIN_LATER.code());
                }
                a.close();
                await().untilAsserted(() -> {
                    try (WsClient retry = WsClient.connect(server.wsBase(), "cap_three", t3)) {
                        assertThat(retry.awaitType("welcome")).isNotNull();
                    }
                });
            }
        }
    }

    @Test
    void silentConnectionsAreClosedAsIdle() {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer server = TestServer.start(b -> {
            b.clock = clock;
            b.websocket.pingInterval = Duration.ofMillis(200);
            b.websocket.idleTimeout = Duration.ofSeconds(90);
        })) {
            Api api = server.api();
            String token = api.register("idle_ivy", "secret1");
            // a raw client never answers the server's pings
            try (RawWsClient idle = RawWsClient.connect(server.port(), "/ws/idle_ivy?token=" + token, 65536)) {
                idle.awaitText(); // the welcome: onOpen has run and stamped the connection's last activity
                clock.advance(Duration.ofSeconds(91));
                assertThat(idle.awaitCloseCode()).isEqualTo(CloseCode.IDLE_TIMEOUT.code());
            }
        }
    }

    @Test
    void clientsThatKeepSendingGarbageAreClosedAsAbusive() {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            try (WsClient c =
                    WsClient.connect(server.wsBase(), "garbage_gus", api.register("garbage_gus", "secret1"))) {
                c.awaitType("welcome");
                for (int i = 0; i < 25 && !c.isClosed(); i++) {
                    c.send("not json " + i);
                }
                assertThat(c.awaitClose()).isEqualTo(CloseCode.ABUSIVE.code());
            }
        }
    }
}

package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.Api;
import dev.safestream.server.support.LocalPostgres;
import dev.safestream.server.support.LocalRedis;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Redis goes away under two nodes: each keeps serving its own connections (chat is still stored and delivered there),
 * /readyz says what is wrong, and when Redis is back the nodes deliver across again and read what changed meanwhile.
 */
@Timeout(240)
class ClusterOutageIT {
    @Test
    void nodesServeTheirOwnConnectionsWhileRedisIsDownAndResynchroniseAfter() {
        try (LocalPostgres postgres = LocalPostgres.start();
                LocalRedis redis = LocalRedis.start();
                TestServer a = node(postgres, redis, "outage-a");
                TestServer b = node(postgres, redis, "outage-b")) {
            String talker = a.api().register("out_talker", "secret1");
            String local = a.api().register("out_local", "secret1");
            String remote = b.api().register("out_remote", "secret1");
            try (WsClient talkerOnA = WsClient.connect(a.wsBase(), "out_talker", talker);
                    WsClient viewerOnA = WsClient.connect(a.wsBase(), "out_local", local);
                    WsClient viewerOnB = WsClient.connect(b.wsBase(), "out_remote", remote)) {
                talkerOnA.awaitType("welcome");
                viewerOnA.awaitType("welcome");
                viewerOnB.awaitType("welcome");
                talkerOnA.chat("all linked");
                viewerOnB.awaitChat("all linked");

                redis.kill();
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !ready(a.api()));
                assertThat(a.api().get("/readyz", null).body())
                        .contains("cluster")
                        .contains("Redis");

                talkerOnA.chat("while redis is down");
                viewerOnA.awaitChat("while redis is down");
                talkerOnA.awaitChat("while redis is down");
                // a mute stored by the other node cannot be told now...
                String admin = b.api().adminToken();
                assertThat(b.api()
                                .post(
                                        "/api/admin/mute",
                                        "{\"username\":\"out_talker\",\"duration_seconds\":600,\"reason\":\"outage\"}",
                                        admin)
                                .status())
                        .isEqualTo(200);

                redis.startAgain();
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ready(a.api()) && ready(b.api()));
                // ...so node A reads sanctions again once Redis is back: the talker is muted there too
                Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    talkerOnA.chat("after the outage");
                    assertThat(talkerOnA.events())
                            .anyMatch(e -> "muted".equals(e.path("type").asText()));
                });
                // and events cross nodes again
                String other = b.api().register("out_back", "secret1");
                try (WsClient backOnB = WsClient.connect(b.wsBase(), "out_back", other)) {
                    backOnB.awaitType("welcome");
                    backOnB.chat("linked again");
                    viewerOnA.awaitChat("linked again");
                }
                // the message sent during the outage was stored once, with an id of its own
                assertThat(b.api().get("/api/recent?limit=50", null).body()).contains("while redis is down");
            }
        }
    }

    private static TestServer node(LocalPostgres postgres, LocalRedis redis, String id) {
        return TestServer.start(c -> {
            c.storage.databaseUrl = postgres.url();
            c.storage.databaseUser = LocalPostgres.USER;
            c.cluster.redisUrl = redis.url();
            c.cluster.nodeId = id;
        });
    }

    private static boolean ready(Api api) {
        return api.get("/readyz", null).status() == 200;
    }
}

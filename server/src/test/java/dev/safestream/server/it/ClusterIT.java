package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.protocol.CloseCode;
import dev.safestream.server.app.ServerOptions;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.ChildNode;
import dev.safestream.server.support.LocalPostgres;
import dev.safestream.server.support.LocalRedis;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two real nodes on one Redis and one PostgreSQL: chat, moderator events and kicks cross nodes, in order, with ids
 * unique across the cluster.
 */
@Timeout(180)
class ClusterIT {
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    private static LocalPostgres postgres;
    private static LocalRedis redis;
    private static TestServer a;
    private static TestServer b;

    @BeforeAll
    static void start() {
        postgres = LocalPostgres.start();
        redis = LocalRedis.start();
        a = node("node-a");
        b = node("node-b");
    }

    private static TestServer node(String id) {
        return node(id, c -> {});
    }

    /** A node on the shared PostgreSQL and Redis, with {@code more} settings on top. */
    private static TestServer node(String id, Consumer<ServerOptions> more) {
        return TestServer.start(c -> {
            c.storage.databaseUrl = postgres.url();
            c.storage.databaseUser = LocalPostgres.USER;
            c.cluster.redisUrl = redis.url();
            c.cluster.nodeId = id;
            more.accept(c);
        });
    }

    /** A node in a JVM of its own (so it can be killed), configured as an operator would, plus {@code more}. */
    private static ChildNode childNode(String id, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "DATABASE_URL",
                postgres.url(),
                "DATABASE_USER",
                LocalPostgres.USER,
                "REDIS_URL",
                redis.url(),
                "NODE_ID",
                id));
        env.putAll(more);
        return ChildNode.start(env);
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
        redis.close();
        postgres.close();
    }

    @Test
    void chatFromOneNodeReachesViewersOnTheOtherInOrder() {
        String sender = a.api().register("cl_sender", "secret1");
        String viewer = b.api().register("cl_viewer", "secret1");
        try (WsClient onA = WsClient.connect(a.wsBase(), "cl_sender", sender);
                WsClient onB = WsClient.connect(b.wsBase(), "cl_viewer", viewer)) {
            onA.awaitType("welcome");
            onB.awaitType("welcome");
            for (int i = 0; i < 20; i++) {
                onA.chat("cross node " + i);
            }
            onB.awaitChat("cross node 19");
            List<JsonNode> seen = chats(onB, "cross node ");
            assertThat(seen)
                    .extracting(e -> e.path("message").asText())
                    .containsExactly(java.util.stream.IntStream.range(0, 20)
                            .mapToObj(i -> "cross node " + i)
                            .toArray(String[]::new));
            assertThat(seen).extracting(e -> e.path("id").asLong()).isSorted().doesNotHaveDuplicates();
            onA.awaitChat("cross node 19");
            assertThat(chats(onA, "cross node "))
                    .as("the sender's node gets each once")
                    .hasSize(20);
        }
    }

    /** Issue 24: a delete on node A reaches viewers on node B, and catch-up on B no longer replays the message. */
    @Test
    void aMessageDeletedOnOneNodeLeavesTheOthersScreensAndCatchUp() {
        String sender = b.api().register("cl_regret", "secret1");
        String viewer = b.api().register("cl_witness", "secret1");
        try (WsClient author = WsClient.connect(b.wsBase(), "cl_regret", sender, "channel=cldel");
                WsClient onB = WsClient.connect(b.wsBase(), "cl_witness", viewer, "channel=cldel")) {
            author.awaitType("welcome");
            onB.awaitType("welcome");
            author.chat("cluster before");
            String before = onB.awaitChat("cluster before").path("event_id").asText();
            author.chat("cluster regret");
            long id = onB.awaitChat("cluster regret").path("id").asLong();

            Api.Response deleted =
                    a.api().delete("/api/channels/cldel/messages/" + id, a.api().adminToken());
            assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
            assertThat(onB.awaitType("message_deleted").path("id").asLong()).isEqualTo(id);

            try (WsClient late = WsClient.connect(b.wsBase(), "cl_witness", viewer, "channel=cldel&since=" + before)) {
                late.awaitType("message_deleted");
                assertThat(late.sawChat("cluster regret"))
                        .as("catch-up on node B")
                        .isFalse();
            }
        }
    }

    /** Issue 24: a pin set on node A reaches a client that joins on node B. */
    @Test
    void aPinSetOnOneNodeGreetsClientsJoiningTheOther() {
        String sender = a.api().register("cl_pinner", "secret1");
        String viewer = b.api().register("cl_pinseer", "secret1");
        try (WsClient author = WsClient.connect(a.wsBase(), "cl_pinner", sender, "channel=clpin")) {
            author.awaitType("welcome");
            author.chat("cluster pin");
            long id = author.awaitChat("cluster pin").path("id").asLong();
            assertThat(a.api()
                            .put(
                                    "/api/channels/clpin/pin",
                                    Map.of("message_id", id),
                                    a.api().adminToken())
                            .status())
                    .isEqualTo(200);
            author.awaitType("message_pinned");
        }
        Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            try (WsClient onB = WsClient.connect(b.wsBase(), "cl_pinseer", viewer, "channel=clpin")) {
                assertThat(onB.awaitType("message_pinned").path("message").asText())
                        .isEqualTo("cluster pin");
            }
        });
    }

    @Test
    void messageIdsAreUniqueWhenBothNodesTakeMessages() {
        String one = a.api().register("cl_one", "secret1");
        String two = b.api().register("cl_two", "secret1");
        try (WsClient onA = WsClient.connect(a.wsBase(), "cl_one", one, "channel=ids");
                WsClient onB = WsClient.connect(b.wsBase(), "cl_two", two, "channel=ids")) {
            onA.awaitType("welcome");
            onB.awaitType("welcome");
            for (int i = 0; i < 10; i++) {
                onA.chat("from a " + i);
                onB.chat("from b " + i);
            }
            onA.awaitChat("from b 9");
            onA.awaitChat("from a 9");
            List<JsonNode> all = chats(onA, "from ");
            assertThat(all).hasSize(20);
            assertThat(all).extracting(e -> e.path("id").asLong()).doesNotHaveDuplicates();
            assertThat(chats(onB, "from "))
                    .extracting(e -> e.path("id").asLong())
                    .as("every node delivers in the same order")
                    .containsExactlyElementsOf(
                            all.stream().map(e -> e.path("id").asLong()).toList());
        }
    }

    @Test
    void moderatorEventsAndKicksReachEveryNode() {
        Api apiB = b.api();
        String admin = apiB.adminToken();
        String troll = a.api().register("cl_troll", "secret1");
        try (WsClient moderator = WsClient.connect(b.wsBase(), "admin", admin, "channel=modded");
                WsClient onA = WsClient.connect(a.wsBase(), "cl_troll", troll, "channel=modded")) {
            moderator.awaitType("welcome");
            onA.awaitType("welcome");
            onA.chat("watch me");
            JsonNode moderated =
                    moderator.await(e -> "moderated".equals(e.path("type").asText())
                            && "watch me".equals(e.path("message").asText()));
            assertThat(moderated.path("user").asText()).isEqualTo("cl_troll");

            Api.Response kicked =
                    apiB.post("/api/admin/kick", Map.of("username", "cl_troll", "channel", "modded"), admin);
            assertThat(kicked.status()).isEqualTo(200);
            assertThat(onA.awaitClose()).isEqualTo(CloseCode.KICKED.code());
        }
    }

    @Test
    void aMuteIssuedOnOneNodeStopsTheUserOnTheOther() {
        Api apiB = b.api();
        String admin = apiB.adminToken();
        String chatty = a.api().register("cl_chatty", "secret1");
        try (WsClient onA = WsClient.connect(a.wsBase(), "cl_chatty", chatty, "channel=muted");
                WsClient watcher = WsClient.connect(
                        b.wsBase(), "cl_watch", b.api().register("cl_watch", "secret1"), "channel=muted")) {
            onA.awaitType("welcome");
            watcher.awaitType("welcome");
            assertThat(apiB.post(
                                    "/api/admin/mute",
                                    Map.of("username", "cl_chatty", "channel", "muted", "duration_seconds", 300),
                                    admin)
                            .status())
                    .isEqualTo(200);
            onA.awaitType("muted");
            // the mute reached node A's memory: its chat refuses the next message, which nobody sees
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
                onA.chat("am I muted?");
                return onA.events().stream()
                                .filter(e -> "muted".equals(e.path("type").asText()))
                                .count()
                        > 1;
            });
            assertThat(watcher.sawChat("am I muted?")).isFalse();

            apiB.post("/api/admin/unmute", Map.of("username", "cl_chatty", "channel", "muted"), admin);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
                onA.chat("free again");
                return watcher.sawChat("free again");
            });
        }
    }

    @Test
    void accountChangesOnOneNodeEndSessionsOnEveryNode() {
        String token = a.api().register("cl_rerole", "secret1");
        try (WsClient onA = WsClient.connect(a.wsBase(), "cl_rerole", token)) {
            onA.awaitType("welcome");
            b.api()
                    .put(
                            "/api/admin/users/cl_rerole/role",
                            Map.of("role", "streamer"),
                            b.api().adminToken());
            assertThat(onA.awaitClose()).isEqualTo(CloseCode.ACCOUNT_CHANGED.code());
        }
        assertThat(a.api().get("/auth/me", token).status())
                .as("the old token, on the other node")
                .isEqualTo(401);
    }

    @Test
    void channelSettingsAndRolesChangedOnOneNodeApplyOnTheOther() {
        Api apiB = b.api();
        String admin = apiB.adminToken();
        assertThat(apiB.put(
                                "/api/channels/zoo/moderation",
                                Map.of("terms", Map.of("blocked", List.of("zebra*"))),
                                admin)
                        .status())
                .isEqualTo(200);
        String keeper = a.api().register("cl_keeper", "secret1");
        try (WsClient onA = WsClient.connect(a.wsBase(), "cl_keeper", keeper, "channel=zoo")) {
            onA.awaitType("welcome");
            onA.chat("zebras everywhere");
            assertThat(onA.awaitChat("zebras everywhere").path("blocked").asBoolean())
                    .as("node A uses the settings saved on node B")
                    .isTrue();

            assertThat(apiB.post("/api/channels", Map.of("name", "zoo"), admin).status())
                    .isEqualTo(201);
            apiB.put("/api/channels/zoo/moderators/cl_keeper", "", admin);
            assertThat(onA.awaitClose()).isEqualTo(CloseCode.CHANNEL_ROLE_CHANGED.code());
        }
        assertThat(a.api().get("/api/channels/zoo/moderators", keeper).status())
                .as("node A knows cl_keeper moderates #zoo now")
                .isEqualTo(200);
    }

    @Test
    void aViewerOfANodeKilledWithSigkillCatchesUpOnAnotherNodeWithSince() {
        String talker = a.api().register("cl_talker", "secret1");
        String viewer = a.api().register("cl_phoenix", "secret1");
        try (ChildNode c = childNode("node-c", Map.of());
                WsClient onA = WsClient.connect(a.wsBase(), "cl_talker", talker)) {
            onA.awaitType("welcome");
            WsClient onC = WsClient.connect(c.wsBase(), "cl_phoenix", viewer);
            onC.awaitType("welcome");
            onA.chat("before the crash");
            String lastSeen = onC.awaitChat("before the crash").path("event_id").asText();

            c.kill();
            assertThat(onC.awaitClose()).as("the socket died with the node").isNotEqualTo(1000);
            onC.close();
            for (int i = 0; i < 5; i++) {
                onA.chat("during the outage " + i);
            }
            onA.awaitChat("during the outage 4");

            // the load balancer sends the reconnect elsewhere; the viewer names the last event it saw
            try (WsClient onB = WsClient.connect(b.wsBase(), "cl_phoenix", viewer, "since=" + lastSeen)) {
                onB.awaitType("welcome");
                onA.chat("after the failover");
                onB.awaitChat("after the failover");
                assertThat(chats(onB, ""))
                        .extracting(e -> e.path("message").asText())
                        .containsExactly(
                                "during the outage 0",
                                "during the outage 1",
                                "during the outage 2",
                                "during the outage 3",
                                "during the outage 4",
                                "after the failover");
            }
            // what the killed node's viewer saw was stored before anyone saw it
            assertThat(b.api().get("/api/recent?limit=20", null).body())
                    .contains("before the crash")
                    .contains("during the outage 4");
        }
    }

    @Test
    void theGiftProducerRunsOnOneNodePerChannelAndMovesWhenItsNodeIsKilled() {
        String first = a.api().register("cl_gifted1", "secret1");
        String second = a.api().register("cl_gifted2", "secret1");
        try (ChildNode c = childNode("node-gifts-c", Map.of("GIFT_INTERVAL_SECS", "1"));
                TestServer d = node("node-gifts-d", cfg -> cfg.gifts.interval = Duration.ofSeconds(1))) {
            // c has a viewer first, so it takes the lease; d's viewer sees c's gifts through Redis
            WsClient onC = WsClient.connect(c.wsBase(), "cl_gifted1", first, "channel=leased");
            onC.awaitType("welcome");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> producing(c.api()) == 1);
            try (WsClient onD = WsClient.connect(d.wsBase(), "cl_gifted2", second, "channel=leased")) {
                onD.awaitType("welcome");
                onD.await(e -> "gift".equals(e.path("type").asText()));
                Awaitility.await()
                        .during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> producing(d.api()) == 0 && producing(c.api()) == 1);

                c.kill();
                onC.close();
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> producing(d.api()) == 1);
                long before = gifts(onD);
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> gifts(onD) > before);
            }
        }
    }

    private static long gifts(WsClient client) {
        return client.events().stream()
                .filter(e -> "gift".equals(e.path("type").asText()))
                .count();
    }

    /** The node's safestream_gift_producer_channels gauge: channels it sends random gifts to. */
    private static double producing(Api api) {
        return api.get("/metrics/prometheus", null)
                .body()
                .lines()
                .filter(l -> l.startsWith("safestream_gift_producer_channels"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void viewerCountsAndFiguresAreTheClustersOnEveryNode() {
        String onA = a.api().register("cl_count_a", "secret1");
        String onB = b.api().register("cl_count_b", "secret1");
        try (WsClient viewerA = WsClient.connect(a.wsBase(), "cl_count_a", onA, "channel=counted");
                WsClient viewerB = WsClient.connect(b.wsBase(), "cl_count_b", onB, "channel=counted")) {
            viewerA.awaitType("welcome");
            viewerB.awaitType("welcome");
            viewerA.chat("one");
            viewerB.chat("two");
            viewerB.awaitChat("one");
            for (TestServer node : List.of(a, b)) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    JsonNode figures =
                            node.api().get("/metrics?channel=counted", null).json();
                    assertThat(figures.path("viewer_count").asInt()).isEqualTo(2);
                });
            }
            // the pushed metrics event counts both nodes' viewers too
            viewerA.await(e -> "metrics".equals(e.path("type").asText())
                    && e.path("viewer_count").asInt() == 2);
        }
    }

    @Test
    void passwordGuessingBudgetsHoldAcrossNodes() throws Exception {
        a.api().register("cl_victim", "right-password");
        // ten failures per account (LOGIN_FAILURES_PER_ACCOUNT), spread over both nodes and many addresses
        for (int i = 0; i < 10; i++) {
            TestServer node = i % 2 == 0 ? a : b;
            assertThat(login(node, "cl_victim", "guess" + i, "192.0.2." + (10 + i)))
                    .as("guess %d", i)
                    .isEqualTo(401);
        }
        assertThat(login(a, "cl_victim", "guess10", "192.0.2.99")).isEqualTo(429);
        assertThat(login(b, "cl_victim", "guess11", "192.0.2.98")).isEqualTo(429);
    }

    private static int login(TestServer node, String user, String password, String forwardedFor) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + node.port() + "/auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", forwardedFor)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
                .build();
        return HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void reviewDecisionsOnTwoNodesMergeMostRestrictiveAndPublishOnce() {
        String admin = a.api().adminToken();
        assertThat(a.api()
                        .put("/api/channels/reviewed/moderation", Map.of("mode", "pre_moderate"), admin)
                        .status())
                .isEqualTo(200);
        String author = a.api().register("cl_author", "secret1");
        String viewer = b.api().register("cl_reader", "secret1");
        try (WsClient onA = WsClient.connect(a.wsBase(), "cl_author", author, "channel=reviewed");
                WsClient onB = WsClient.connect(b.wsBase(), "cl_reader", viewer, "channel=reviewed")) {
            onA.awaitType("welcome");
            onB.awaitType("welcome");
            onA.chat("review me twice");
            long id = onA.awaitChat("review me twice").path("id").asLong();

            Api.Response approved =
                    a.api().post("/api/moderation/queue/" + id + "/decisions", Map.of("decision", "approve"), admin);
            assertThat(approved.json().path("published").asBoolean()).isTrue();
            onB.awaitChat("review me twice");
            // node B never held this message in memory: its decision merges with what node A stored
            Api.Response rejected = b.api()
                    .post(
                            "/api/moderation/queue/" + id + "/decisions",
                            Map.of("decision", "reject", "reason", "second look"),
                            b.api().adminToken());
            assertThat(rejected.json().path("published").asBoolean()).isFalse();
            assertThat(rejected.json().path("item").path("state").asText()).isEqualTo("rejected");
            assertThat(rejected.json().path("item").path("published").asBoolean())
                    .as("it was broadcast by node A")
                    .isTrue();
            JsonNode stored = a.api().get("/api/moderation/queue/" + id, admin).json();
            assertThat(stored.path("state").asText()).isEqualTo("rejected");
            assertThat(stored.path("published").asBoolean()).isTrue();
            assertThat(stored.path("decisions")).hasSize(2);
        }
    }

    @Test
    void theChatRateLimitHoldsAcrossNodes() {
        try (TestServer c = limitedNode("node-rate-c");
                TestServer d = limitedNode("node-rate-d")) {
            String token = c.api().register("cl_burst", "secret1");
            try (WsClient onC = WsClient.connect(c.wsBase(), "cl_burst", token);
                    WsClient onD = WsClient.connect(d.wsBase(), "cl_burst", token)) {
                onC.awaitType("welcome");
                onD.awaitType("welcome");
                // a burst of 3 (RATE_LIMIT_BURST) refilled at 1/s: six messages at once on two nodes, at most 4 pass
                for (int i = 0; i < 3; i++) {
                    onC.chat("burst c" + i);
                    onD.chat("burst d" + i);
                }
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> limited(onC) + limited(onD) >= 2);
                assertThat(limited(onC) + limited(onD)).isGreaterThanOrEqualTo(2);
            }
        }
    }

    private static TestServer limitedNode(String id) {
        return node(id, cfg -> {
            cfg.chat.messagesPerSecond = 1;
            cfg.chat.messageBurst = 3;
        });
    }

    private static long limited(WsClient client) {
        return client.events().stream()
                .filter(e -> "error".equals(e.path("type").asText())
                        && "rate_limited".equals(e.path("error").asText()))
                .count();
    }

    @Test
    void eachNodesMetersCarryItsNodeId() {
        assertThat(a.api().get("/metrics/prometheus", null).body()).contains("node=\"node-a\"");
        assertThat(b.api().get("/metrics/prometheus", null).body())
                .contains("node=\"node-b\"")
                .doesNotContain("node=\"node-a\"");
    }

    @Test
    void readinessSaysTheClusterIsUp() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> a.api().get("/readyz", null).status() == 200);
        assertThat(b.api().get("/readyz", null).body()).contains("cluster");
    }

    private static List<JsonNode> chats(WsClient client, String prefix) {
        return client.events().stream()
                .filter(e -> "chat".equals(e.path("type").asText())
                        && e.path("message").asText().startsWith(prefix))
                .toList();
    }
}

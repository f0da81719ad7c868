package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.MutableClock;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Channel rules beside the model: terms, spam filters, slow mode, user lists, the timeout ladder. */
@Timeout(60)
class RulesIT {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static TestServer server;
    private static Api api;
    private static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.clock = CLOCK);
        api = server.api();
        admin = api.adminToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String channel(Map<String, Object> settings) {
        String channel = "rules" + NAMES.incrementAndGet();
        Api.Response r = api.put("/api/channels/" + channel + "/moderation", settings, admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return channel;
    }

    private record Member(String name, WsClient ws) implements AutoCloseable {
        @Override
        public void close() {
            ws.close();
        }
    }

    private static Member join(String prefix, String channel) {
        String user = prefix + "_" + NAMES.incrementAndGet();
        WsClient c = WsClient.connect(server.wsBase(), user, api.register(user, "secret1"), "channel=" + channel);
        c.awaitType("welcome");
        return new Member(user, c);
    }

    /** Sends and returns the author's own copy of the message (delivered, flagged, blocked or held). */
    private static JsonNode send(Member m, String text) {
        int before = (int) m.ws().events().stream()
                .filter(e -> text.equals(e.path("message").asText()))
                .count();
        m.ws().chat(text);
        return m.ws().await(e -> "chat".equals(e.path("type").asText())
                && text.equals(e.path("message").asText())
                && m.ws().events().stream()
                                .filter(x -> text.equals(x.path("message").asText()))
                                .count()
                        > before);
    }

    /** The plain reason its author is told for each rule (no rule names, patterns or matched words). */
    private static final Map<String, String> REASON_STARTS = Map.of(
            "blocked_term", "it contains a term this channel does not allow",
            "blocked_pattern", "it contains a term this channel does not allow",
            "duplicate", "duplicate: ",
            "flood", "flood: ",
            "link", "links are not allowed in this channel",
            "caps", "too many capitals",
            "repeated_chars", "'",
            "user_blocklist", "you are on this channel's block-list");

    private static void assertBlocked(JsonNode echo, String rule) {
        assertThat(echo.path("blocked").asBoolean()).as(echo.toString()).isTrue();
        assertThat(echo.path("reason").asText()).startsWith(REASON_STARTS.get(rule));
        assertThat(echo.has("explanation")).isFalse();
    }

    @Test
    void blockedTermsWithWildcardsAndRegexBlockObfuscatedTextForEveryoneButTheAuthor() {
        String channel = channel(Map.of("terms", Map.of("blocked", List.of("spoil*", "/v-?bucks/"))));
        try (Member author = join("terms", channel);
                Member viewer = join("viewer", channel)) {
            JsonNode spoiler = send(author, "SP0ILERS: he dies");
            assertBlocked(spoiler, "blocked_term");
            assertThat(spoiler.path("reason").asText()).doesNotContainIgnoringCase("spoil");
            assertBlocked(send(author, "cheap V-Bucks here"), "blocked_pattern");
            author.ws().chat("terms marker");
            viewer.ws().awaitChat("terms marker");
            assertThat(viewer.ws().sawChat("SP0ILERS: he dies")).isFalse();
            assertThat(viewer.ws().sawChat("cheap V-Bucks here")).isFalse();
        }
    }

    @Test
    void anAllowedTermNoLongerDrivesTheScore() {
        String flagAtHalf = channel(Map.of("thresholds", Map.of("flag", 0.5)));
        String allowing =
                channel(Map.of("thresholds", Map.of("flag", 0.5), "terms", Map.of("allowed", List.of("stupid"))));
        try (Member strict = join("strict", flagAtHalf);
                Member relaxed = join("relaxed", allowing)) {
            assertThat(send(strict, "that was stupid").path("toxic").asBoolean())
                    .isTrue();
            JsonNode allowed = send(relaxed, "that was stupid");
            assertThat(allowed.path("toxic").asBoolean()).isFalse();
            assertThat(allowed.path("score").asDouble()).isZero();
        }
    }

    @Test
    void slowModeTellsTheSenderHowLongToWait() {
        String channel = channel(Map.of("slow_mode_seconds", 30));
        try (Member m = join("slow", channel);
                WsClient mod = WsClient.connect(server.wsBase(), "admin", admin, "channel=" + channel)) {
            mod.awaitType("welcome");
            send(m, "first");
            m.ws().chat("too soon");
            JsonNode error =
                    m.ws().await(e -> "slow_mode".equals(e.path("error").asText()));
            assertThat(error.path("retry_after_seconds").asLong()).isEqualTo(30);
            assertThat(error.path("detail").asText()).contains("wait 30 s");
            mod.chat("moderators are not slowed");
            mod.chat("not even twice");
            mod.awaitChat("not even twice");
            CLOCK.advance(Duration.ofSeconds(30));
            send(m, "after the wait");
            assertThat(m.ws().sawChat("too soon")).isFalse();
        }
    }

    @Test
    void duplicatesFromOneUserAreBlocked() {
        String channel = channel(Map.of("spam", Map.of("duplicate_window_seconds", 60)));
        try (Member m = join("dup", channel);
                Member other = join("other", channel)) {
            assertThat(send(m, "follow my channel").path("blocked").asBoolean()).isFalse();
            assertThat(send(other, "follow my channel").path("blocked").asBoolean())
                    .as("another user")
                    .isFalse();
            assertBlocked(send(m, "FOLLOW my channel!!"), "duplicate");
        }
    }

    @Test
    void floodingBeyondTheWindowLimitIsBlocked() {
        String channel = channel(Map.of("spam", Map.of("flood_messages", 3, "flood_window_seconds", 10)));
        try (Member m = join("flood", channel)) {
            for (int i = 1; i <= 3; i++) {
                assertThat(send(m, "msg " + i).path("blocked").asBoolean()).isFalse();
            }
            JsonNode fourth = send(m, "msg 4");
            assertBlocked(fourth, "flood");
            assertThat(fourth.path("toxic").asBoolean()).as("spam is not toxic").isFalse();
        }
    }

    @Test
    void linksCapsAndRepeatedCharactersAreBlockedWhenTheChannelSaysSo() {
        String channel = channel(Map.of(
                "spam",
                Map.of(
                        "block_links",
                        true,
                        "allowed_link_domains",
                        List.of("twitch.tv"),
                        "max_caps_ratio",
                        0.7,
                        "max_repeated_chars",
                        5)));
        try (Member m = join("spam", channel)) {
            JsonNode link = send(m, "free followers at spam.example.com/x");
            assertBlocked(link, "link");
            assertThat(send(m, "my clips: twitch.tv/me").path("blocked").asBoolean())
                    .isFalse();
            assertBlocked(send(m, "WHY IS NOBODY TALKING"), "caps");
            assertBlocked(send(m, "nooooooooo"), "repeated_chars");
            assertThat(send(m, "Normal Message, OK").path("blocked").asBoolean())
                    .isFalse();
        }
    }

    @Test
    void allowListedUsersSkipModerationAndBlockListedUsersAreAlwaysBlocked() {
        String trusted = "trusted_" + NAMES.incrementAndGet();
        String troll = "troll_" + NAMES.incrementAndGet();
        String channel = channel(Map.of("users", Map.of("allowed", List.of(trusted), "blocked", List.of(troll))));
        try (WsClient t = WsClient.connect(
                        server.wsBase(), trusted, api.register(trusted, "secret1"), "channel=" + channel);
                WsClient b =
                        WsClient.connect(server.wsBase(), troll, api.register(troll, "secret1"), "channel=" + channel);
                Member viewer = join("viewer", channel)) {
            t.awaitType("welcome");
            b.awaitType("welcome");
            t.chat("what an idiot move");
            JsonNode trustedMessage = viewer.ws().awaitChat("what an idiot move");
            assertThat(trustedMessage.path("toxic").asBoolean()).isFalse();
            b.chat("lovely weather");
            JsonNode refused = b.awaitChat("lovely weather");
            assertBlocked(refused, "user_blocklist");
            t.chat("list marker");
            viewer.ws().awaitChat("list marker");
            assertThat(viewer.ws().sawChat("lovely weather")).isFalse();
        }
    }

    @Test
    void repeatOffendersAreMutedAutomaticallyForLongerEachTime() {
        String channel = channel(
                Map.of("timeouts", Map.of("strikes", 2, "window_seconds", 600, "mutes_seconds", List.of(60, 600))));
        try (Member m = join("ladder", channel)) {
            send(m, "kill yourself");
            send(m, "kys loser");
            JsonNode muted = m.ws().awaitType("muted");
            Instant until = Instant.parse(muted.path("muted_until").asText());
            assertThat(Duration.between(CLOCK.instant(), until).toSeconds()).isBetween(58L, 60L);
            assertThat(muted.path("reason").asText()).contains("automatic timeout");
            String audit = api.get("/api/admin/audit?channel=" + channel, admin).body();
            assertThat(audit).contains("\"actor\":\"automod\"").contains(m.name());

            m.ws().chat("can I talk?");
            m.ws().await(e -> "muted".equals(e.path("type").asText()) && e != muted);
            CLOCK.advance(Duration.ofSeconds(61));
            assertThat(send(m, "back again").path("blocked").asBoolean()).isFalse();

            send(m, "kill yourself");
            send(m, "go die");
            JsonNode second = m.ws().await(e -> "muted".equals(e.path("type").asText())
                    && Duration.between(
                                            CLOCK.instant(),
                                            Instant.parse(e.path("muted_until").asText()))
                                    .toSeconds()
                            > 500);
            assertThat(second.path("reason").asText()).contains("2 blocked messages");
        }
    }
}

package dev.safestream.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoldenFixturesTest {
    private final ProtocolJson json = new ProtocolJson();

    @Test
    void clientChatFixtureDecodesToSendChat() throws Exception {
        assertThat(json.decodeCommand(fixture("client/chat.json"))).isEqualTo(new SendChat("hello"));
        assertRoundTrip("client/chat.json", json.encode(new SendChat("hello")));
    }

    @Test
    void clientPingFixtureDecodesToPing() throws Exception {
        assertThat(json.decodeCommand(fixture("client/ping.json"))).isEqualTo(new Ping("n-1"));
        assertRoundTrip("client/ping.json", json.encode(new Ping("n-1")));
    }

    @Test
    void chatFixtureMatchesTheOriginalWireFormat() throws Exception {
        ChatPosted expected = new ChatPosted(
                1234,
                "alice",
                "hello",
                false,
                0.02,
                Instant.parse("2026-06-26T12:34:56Z"),
                "main",
                false,
                false,
                null,
                false);
        assertThat(json.decodeEvent(fixture("server/chat.json"))).isEqualTo(expected);
        assertRoundTrip("server/chat.json", json.encode(expected));
    }

    @Test
    void blockedChatFixtureCarriesAPlainReasonOnly() throws Exception {
        ChatPosted expected = new ChatPosted(
                1235,
                "mallory",
                "you are an idiot",
                true,
                0.93,
                Instant.parse("2026-06-26T12:34:57.250Z"),
                "main",
                true,
                false,
                "it contains a term this channel does not allow",
                false);
        assertThat(json.decodeEvent(fixture("server/chat-blocked.json"))).isEqualTo(expected);
        assertRoundTrip("server/chat-blocked.json", json.encode(expected));
    }

    @Test
    void everyServerFixtureRoundTrips() throws Exception {
        for (String name : new String[] {
            "gift",
            "gift-simulated",
            "metrics",
            "muted",
            "unmuted",
            "error",
            "error-slow-mode",
            "welcome",
            "pong",
            "chat",
            "chat-blocked",
            "chat-blocked-rule",
            "chat-blocked-severe",
            "chat-held",
            "chat-highlighted",
            "moderated",
            "moderated-allowed",
            "held",
            "decided"
        }) {
            String file = "server/" + name + ".json";
            ServerEvent event = json.decodeEvent(fixture(file));
            assertRoundTrip(file, json.encode(event));
        }
    }

    @Test
    void heldChatFixtureTellsItsAuthorInPlainWords() throws Exception {
        ChatPosted expected = new ChatPosted(
                1237,
                "bob",
                "you are kind of dumb",
                false,
                0.45,
                Instant.parse("2026-06-26T12:35:01Z"),
                "main",
                false,
                true,
                "held for a moderator",
                false);
        assertThat(json.decodeEvent(fixture("server/chat-held.json"))).isEqualTo(expected);
        assertRoundTrip("server/chat-held.json", json.encode(expected));
    }

    /**
     * What any client may be sent about a chat message: the seed's fields, and a plain reason for its author. The
     * filter's internals (categories, explanations, matched words) are only in the moderator events.
     */
    @Test
    void chatFixturesCarryNoModerationInternals() throws Exception {
        java.util.Set<String> allowed = java.util.Set.of(
                "type",
                "id",
                "user",
                "message",
                "toxic",
                "score",
                "ts",
                "channel",
                "blocked",
                "held",
                "reason",
                "highlighted");
        for (String name : new String[] {
            "chat", "chat-blocked", "chat-blocked-rule", "chat-blocked-severe", "chat-held", "chat-highlighted"
        }) {
            com.fasterxml.jackson.databind.JsonNode node =
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(fixture("server/" + name + ".json"));
            node.fieldNames()
                    .forEachRemaining(field -> assertThat(allowed).as(name).contains(field));
        }
    }

    @Test
    void highlightedIsWrittenOnlyWhenTrue() throws Exception {
        ChatPosted highlighted = (ChatPosted) json.decodeEvent(fixture("server/chat-highlighted.json"));
        assertThat(highlighted.highlighted()).isTrue();
        assertThat(json.encode(highlighted)).contains("\"highlighted\":true");
        ChatPosted plain = (ChatPosted) json.decodeEvent(fixture("server/chat.json"));
        assertThat(plain.highlighted()).isFalse();
        assertThat(json.encode(plain)).doesNotContain("highlighted");
    }

    @Test
    void moderatedFixtureCarriesDecisionScoreCategoriesAndExplanation() throws Exception {
        MessageModerated expected = new MessageModerated(
                1236,
                "main",
                "mallory",
                "kys",
                Instant.parse("2026-06-26T12:34:58Z"),
                MessageModerated.BLOCK,
                true,
                0.97,
                Map.of("threat", 0.97),
                new Explanation(
                        Explanation.CATEGORY_THRESHOLD,
                        "threat 0.97 ≥ block threshold 0.8",
                        List.of("kys"),
                        null,
                        "threat",
                        0.8,
                        0.97));
        assertThat(json.decodeEvent(fixture("server/moderated.json"))).isEqualTo(expected);
        assertRoundTrip("server/moderated.json", json.encode(expected));
    }

    @Test
    void allowedModeratedFixtureLeavesOutCategoriesAndExplanation() throws Exception {
        MessageModerated allowed = (MessageModerated) json.decodeEvent(fixture("server/moderated-allowed.json"));
        assertThat(allowed.decision()).isEqualTo(MessageModerated.ALLOW);
        assertThat(allowed.explanation()).isNull();
        assertThat(allowed.categories()).isNull();
    }

    @Test
    void heldFixtureDecodesToMessageHeld() throws Exception {
        MessageHeld held = (MessageHeld) json.decodeEvent(fixture("server/held.json"));
        assertThat(held.id()).isEqualTo(1237);
        assertThat(held.explanation().rule()).isEqualTo(Explanation.UNCERTAIN);
        assertThat(held.explanation().threshold()).isEqualTo(0.4);
        assertThat(held.explanation().words()).containsExactly("dumb");
    }

    @Test
    void decidedFixtureNamesDecisionStateAndModerator() throws Exception {
        ReviewDecided expected = new ReviewDecided(
                1237,
                "main",
                "bob",
                "you are kind of dumb",
                "reject",
                "rejected",
                false,
                "mod1",
                "insult",
                Instant.parse("2026-06-26T12:35:30Z"));
        assertThat(json.decodeEvent(fixture("server/decided.json"))).isEqualTo(expected);
        assertRoundTrip("server/decided.json", json.encode(expected));
    }

    @Test
    void aDeletedMessageAndAClearedUserNameWhatToTakeOffTheScreen() throws Exception {
        MessageDeleted deleted = new MessageDeleted(1234, "main", "demo_mod");
        assertThat(json.decodeEvent(fixture("server/message-deleted.json"))).isEqualTo(deleted);
        assertRoundTrip("server/message-deleted.json", json.encode(deleted));
        MessagesCleared cleared = new MessagesCleared("main", "mallory");
        assertThat(json.decodeEvent(fixture("server/messages-cleared.json"))).isEqualTo(cleared);
        assertRoundTrip("server/messages-cleared.json", json.encode(cleared));
    }

    @Test
    void aPinAndItsRemoval() throws Exception {
        MessagePinned pinned = new MessagePinned(1234, "main", "alice", "hello");
        assertThat(json.decodeEvent(fixture("server/message-pinned.json"))).isEqualTo(pinned);
        assertRoundTrip("server/message-pinned.json", json.encode(pinned));
        MessageUnpinned unpinned = new MessageUnpinned("main");
        assertThat(json.decodeEvent(fixture("server/message-unpinned.json"))).isEqualTo(unpinned);
        assertRoundTrip("server/message-unpinned.json", json.encode(unpinned));
    }

    @Test
    void aWarningAndItsAcknowledgement() throws Exception {
        UserWarned warned = new UserWarned("main", "keep it civil");
        assertThat(json.decodeEvent(fixture("server/warned.json"))).isEqualTo(warned);
        assertRoundTrip("server/warned.json", json.encode(warned));
        assertThat(json.decodeCommand(fixture("client/acknowledge-warning.json")))
                .isEqualTo(new AcknowledgeWarning());
        assertRoundTrip("client/acknowledge-warning.json", json.encode(new AcknowledgeWarning()));
    }

    @Test
    void slowModeErrorTellsHowLongToWait() throws Exception {
        ErrorReported expected =
                new ErrorReported(ErrorReported.SLOW_MODE, "Slow mode: wait 7 s before your next message", 7L);
        assertThat(json.decodeEvent(fixture("server/error-slow-mode.json"))).isEqualTo(expected);
        assertRoundTrip("server/error-slow-mode.json", json.encode(expected));
        assertThat(json.encode(new ErrorReported("overloaded", "busy"))).doesNotContain("retry_after");
    }

    @Test
    void ruleBlockedChatFixtureSaysWhatToDoDifferently() throws Exception {
        ChatPosted blocked = (ChatPosted) json.decodeEvent(fixture("server/chat-blocked-rule.json"));
        assertThat(blocked.blocked()).isTrue();
        assertThat(blocked.toxic()).isFalse();
        assertThat(blocked.reason()).isEqualTo("links are not allowed in this channel");
    }

    @Test
    void giftFixtureUsesSnakeCaseGiftId() throws Exception {
        GiftSent gift = (GiftSent) json.decodeEvent(fixture("server/gift.json"));
        assertThat(gift.giftId()).isEqualTo(123);
        assertThat(gift.amount()).isEqualTo(5);
        assertThat(gift.from()).isEqualTo("bot");
        assertThat(gift.simulated()).as("left out when false").isFalse();
    }

    @Test
    void simulatedGiftsSayTheyAre() throws Exception {
        GiftSent gift = (GiftSent) json.decodeEvent(fixture("server/gift-simulated.json"));
        assertThat(gift.simulated()).isTrue();
        assertRoundTrip("server/gift-simulated.json", json.encode(gift));
    }

    @Test
    void batchedFrameDecodesToEveryEvent() throws Exception {
        String frame = "[" + fixture("server/chat.json") + "," + fixture("server/gift.json") + "]";
        assertThat(json.decodeEvents(frame)).hasSize(2).first().isInstanceOf(ChatPosted.class);
    }

    @Test
    void aBatchedEventOfAnUnknownTypeIsSkippedNotFatal() throws Exception {
        String frame = "[" + fixture("server/chat.json") + ",{\"type\":\"from_the_future\",\"x\":1},"
                + fixture("server/gift.json") + "]";
        assertThat(json.decodeEvents(frame)).hasSize(2).last().isInstanceOf(GiftSent.class);
        assertThatThrownBy(() -> json.decodeEvents("[" + fixture("server/chat.json") + ",{\"type\":\"chat\""))
                .isInstanceOf(ProtocolException.class);
    }

    private void assertRoundTrip(String file, String encoded) throws IOException {
        JsonNode expected = json.mapper().readTree(fixture(file));
        assertThat(json.mapper().readTree(encoded)).isEqualTo(expected);
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = GoldenFixturesTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package dev.safestream.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
                null,
                false,
                false,
                null);
        assertThat(json.decodeEvent(fixture("server/chat.json"))).isEqualTo(expected);
        assertRoundTrip("server/chat.json", json.encode(expected));
    }

    @Test
    void blockedChatFixtureCarriesCategoriesAndReason() throws Exception {
        ChatPosted expected = new ChatPosted(
                1235,
                "mallory",
                "you are an idiot",
                true,
                0.93,
                Instant.parse("2026-06-26T12:34:57.250Z"),
                "main",
                Map.of("insult", 0.91),
                true,
                false,
                "blocked term: idiot");
        assertThat(json.decodeEvent(fixture("server/chat-blocked.json"))).isEqualTo(expected);
        assertRoundTrip("server/chat-blocked.json", json.encode(expected));
    }

    @Test
    void everyServerFixtureRoundTrips() throws Exception {
        for (String name :
                new String[] {"gift", "metrics", "muted", "unmuted", "error", "welcome", "pong", "chat", "chat-blocked"
                }) {
            String file = "server/" + name + ".json";
            ServerEvent event = json.decodeEvent(fixture(file));
            assertRoundTrip(file, json.encode(event));
        }
    }

    @Test
    void giftFixtureUsesSnakeCaseGiftId() throws Exception {
        GiftSent gift = (GiftSent) json.decodeEvent(fixture("server/gift.json"));
        assertThat(gift.giftId()).isEqualTo(123);
        assertThat(gift.amount()).isEqualTo(5);
        assertThat(gift.from()).isEqualTo("bot");
    }

    @Test
    void batchedFrameDecodesToEveryEvent() throws Exception {
        String frame = "[" + fixture("server/chat.json") + "," + fixture("server/gift.json") + "]";
        assertThat(json.decodeEvents(frame)).hasSize(2).first().isInstanceOf(ChatPosted.class);
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

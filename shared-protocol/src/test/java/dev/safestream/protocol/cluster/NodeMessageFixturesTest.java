package dev.safestream.protocol.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.safestream.protocol.ProtocolJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The messages between cluster nodes, pinned to {@code golden/cluster/*.json}: each file decodes to its record and
 * encodes back to the same JSON, and every file has a record here. Old and new nodes read each other's messages during
 * a rolling upgrade, so these files change only on purpose.
 */
class NodeMessageFixturesTest {
    private final ObjectMapper mapper = new ProtocolJson().mapper();

    private static final Map<String, NodeMessage> EXPECTED = Map.of(
            "event.json",
            new EventRelayed(
                    "node-a",
                    "main",
                    null,
                    "EVERYONE",
                    "{\"type\":\"chat\",\"id\":1234,\"username\":\"alice\",\"message\":\"hello\"}"),
            "event-user.json",
            new EventRelayed(
                    "node-a",
                    "main",
                    "alice",
                    "USER",
                    "{\"type\":\"muted\",\"message\":\"You are muted until 2026-06-26T12:44:56Z\"}"),
            "close.json",
            new CloseRequested("node-b", "main", "mallory", 4003, "You are banned from #main"),
            "sanction.json",
            new SanctionChanged(
                    "node-a",
                    "main",
                    "mallory",
                    "MUTE",
                    Instant.parse("2026-06-26T12:44:56Z"),
                    "spam",
                    "demo_mod",
                    false),
            "sanction-lifted.json",
            new SanctionChanged("node-a", "main", "mallory", "MUTE", null, null, null, true),
            "changed.json",
            new StateChanged("node-b", "CHANNEL_SETTINGS", "main"));

    @Test
    void everyFixtureDecodesToItsRecordAndEncodesBackToTheSameJson() throws IOException {
        for (Map.Entry<String, NodeMessage> entry : EXPECTED.entrySet()) {
            String fixture = fixture(entry.getKey());
            assertThat(mapper.readValue(fixture, NodeMessage.class))
                    .as(entry.getKey())
                    .isEqualTo(entry.getValue());
            assertThat(mapper.readTree(mapper.writeValueAsString(entry.getValue())))
                    .as(entry.getKey() + " encoded")
                    .isEqualTo(mapper.readTree(fixture));
        }
    }

    @Test
    void everyFixtureFileHasARecord() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/golden/cluster/event.json").toURI())
                .getParent();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        }
    }

    @Test
    void fieldsANewerNodeAddsAreIgnoredAndAnUnknownKindIsRecognisable() throws IOException {
        assertThat(mapper.readValue(
                        "{\"kind\":\"changed\",\"node\":\"n\",\"what\":\"ACCOUNT\",\"key\":\"bob\",\"since\":3}",
                        NodeMessage.class))
                .isEqualTo(new StateChanged("n", "ACCOUNT", "bob"));
        assertThatThrownBy(() -> mapper.readValue("{\"kind\":\"video\",\"node\":\"n\"}", NodeMessage.class))
                .isInstanceOf(InvalidTypeIdException.class);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = NodeMessageFixturesTest.class.getResourceAsStream("/golden/cluster/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

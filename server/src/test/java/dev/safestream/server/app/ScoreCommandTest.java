package dev.safestream.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.models.Heads;
import dev.safestream.models.ToxicityModel;
import dev.safestream.server.moderation.onnx.ShippedModels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code score} command on the shipped model: one output line per input line, in order. */
class ScoreCommandTest {
    private static ToxicityModel model;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void load() {
        model = ShippedModels.load(null, 1, Integer.MAX_VALUE);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void scoresEachLineWithTheModelsOwnThreshold() throws Exception {
        List<JsonNode> out = run("""
                {"id":"a","text":"thanks for the stream, see you tomorrow"}
                {"id":7,"text":"shut up you worthless fucking idiot"}
                """);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).get("id").asText()).isEqualTo("a");
        assertThat(out.get(0).get("toxic").asBoolean()).isFalse();
        assertThat(out.get(1).get("id").asInt()).isEqualTo(7);
        assertThat(out.get(1).get("toxic").asBoolean()).isTrue();
        assertThat(out.get(1).get("score").asDouble())
                .isGreaterThanOrEqualTo(model.manifest().threshold(Heads.TOXIC));
        assertThat(out.get(1).get("categories").has("insult")).isTrue();
    }

    @Test
    void severeHarmIsToxicWhateverTheModelScoresAndNamesItsCategory() throws Exception {
        List<JsonNode> out = run("""
                {"id":1,"text":"kys"}
                {"id":2,"text":"I know your address, 42 Elm Street, see you tonight"}
                {"id":3,"text":"that boss killed me"}
                """);
        assertThat(out.get(0).get("toxic").asBoolean()).isTrue();
        assertThat(out.get(0).get("harm").asText()).isEqualTo("self_harm");
        assertThat(out.get(1).get("toxic").asBoolean()).isTrue();
        assertThat(out.get(1).get("harm").asText()).isEqualTo("personal_info");
        assertThat(out.get(2).has("harm")).isFalse();
    }

    @Test
    void badLinesGetAnErrorLineAndTheRestIsStillScored() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new ScoreCommand()
                .score(
                        model,
                        new ByteArrayInputStream(
                                "{nope\n{\"id\":1}\n{\"id\":2,\"text\":\"hello\"}\n".getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<JsonNode> out = lines(bytes);
        assertThat(status).isEqualTo(1);
        assertThat(out).hasSize(3);
        assertThat(out.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(out.get(0).get("error").asText()).isEqualTo("malformed JSON");
        assertThat(out.get(1).get("error").asText()).contains("text");
        assertThat(out.get(2).get("id").asInt()).isEqualTo(2);
    }

    private List<JsonNode> run(String input) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new ScoreCommand()
                .score(
                        model,
                        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        return lines(bytes);
    }

    private List<JsonNode> lines(ByteArrayOutputStream bytes) throws Exception {
        String text = bytes.toString(StandardCharsets.UTF_8);
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.add(json.readTree(line));
            }
        }
        return out;
    }
}

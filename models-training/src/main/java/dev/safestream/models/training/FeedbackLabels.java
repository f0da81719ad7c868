package dev.safestream.models.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.models.Heads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moderator decisions exported by a running server ({@code GET /api/moderation/labels}): JSON lines
 * {@code {"text":"…","toxic":true|false,"source":"reject",…}}. They label the toxic head only.
 */
final class FeedbackLabels {
    static final String SOURCE = "feedback";

    private FeedbackLabels() {}

    static List<Example> read(Path file) {
        ObjectMapper json = new ObjectMapper();
        List<Example> out = new ArrayList<>();
        try {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                if (!node.path("text").isTextual() || !node.path("toxic").isBoolean()) {
                    throw new IllegalArgumentException(
                            file + ":" + lineNumber + ": expected {\"text\": string, \"toxic\": boolean}");
                }
                out.add(DataSets.example(
                        node.get("text").asText(),
                        SOURCE,
                        Map.of(Heads.TOXIC, node.get("toxic").asBoolean())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read feedback labels " + file, e);
        }
        return out;
    }
}

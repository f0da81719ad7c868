package dev.safestream.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safestream.models.Heads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's label export ({@code GET /api/moderation/labels}) read back as training examples. */
class FeedbackLabelsTest {
    @TempDir
    Path dir;

    @Test
    void eachLineLabelsTheToxicHeadOnly() throws Exception {
        Path file = dir.resolve("labels.jsonl");
        Files.writeString(file, """
                {"text":"you absolute clown","toxic":true,"source":"reject","message_id":4,"ts":"2026-11-21T07:00:00Z"}

                {"text":"gg everyone","toxic":false,"source":"approve","message_id":5,"ts":"2026-11-21T07:01:00Z"}
                """);
        List<Example> examples = FeedbackLabels.read(file);
        assertThat(examples).hasSize(2);
        assertThat(examples.get(0).source()).isEqualTo(FeedbackLabels.SOURCE);
        assertThat(examples.get(0).positive(Heads.index(Heads.TOXIC))).isTrue();
        assertThat(examples.get(1).positive(Heads.index(Heads.TOXIC))).isFalse();
        assertThat(examples.get(0).has(Heads.index(Heads.HATE))).isFalse();
    }

    @Test
    void aLineWithoutTextOrLabelNamesItsLineNumber() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"text\":\"ok\",\"toxic\":false}\n{\"text\":\"no label\"}\n");
        assertThatThrownBy(() -> FeedbackLabels.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.jsonl:2");
    }
}

package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.safestream.protocol.Explanation;
import java.util.Map;

/**
 * The score of one {@link TextToScore}.
 *
 * @param id the text's id
 * @param toxic whether the score reached the flag threshold
 * @param score 0..1
 * @param categories per-category scores, or {@code null}
 * @param decision what the channel's policy would do: {@code allow}, {@code flag}, {@code hold} or {@code block}
 * @param explanation why, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TextScore(
        String id,
        boolean toxic,
        double score,
        Map<String, Double> categories,
        String decision,
        Explanation explanation) {}

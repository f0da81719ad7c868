package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer of {@code POST /api/moderate}.
 *
 * @param channel the channel whose policy applied, or {@code null} for the default policy
 * @param results one per text, in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModerateResponse(String channel, List<TextScore> results) {}

package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code POST /api/moderation/queue/{messageId}/decisions}.
 *
 * @param decision {@code approve}, {@code highlight} or {@code reject}
 * @param reason why (at most 500 characters), or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewDecisionRequest(String decision, String reason) {}

package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One moderator's decision on a held message.
 *
 * @param moderator who decided
 * @param decision {@code approve}, {@code highlight} or {@code reject}
 * @param reason why, or {@code null}
 * @param ts when
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModeratorDecision(String moderator, String decision, String reason, Instant ts) {}

package dev.safestream.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A gift shown to the whole channel: {@code {"type":"gift","from":"bot","gift_id":123,"amount":5,"ts":"..."}}.
 *
 * @param from who sent it (a username, or {@code bot} for the random producer)
 * @param giftId id in the gift catalogue ({@code GET /api/gifts})
 * @param amount how many of the gift
 * @param ts when the server accepted it
 * @param channel channel it was sent to
 * @param giftName catalogue name of the gift, for display
 * @param coins value of the whole gift in coins (catalogue price × amount)
 * @param simulated true for a gift the server's simulator made up (GIFT_INTERVAL_SECS, the demo): shown, labelled,
 *     and kept out of the channel's gift count and of top gifters; left out of the JSON when false
 */
public record GiftSent(
        String from,
        @JsonProperty("gift_id") int giftId,
        int amount,
        Instant ts,
        String channel,
        @JsonProperty("gift_name") String giftName,
        long coins,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean simulated)
        implements ServerEvent {}

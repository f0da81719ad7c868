package dev.safestream.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Channel figures pushed periodically: {@code {"type":"metrics","viewer_count":5,"gift_count":42,"toxic_pct":12.5}}.
 *
 * @param viewerCount open connections in the channel
 * @param giftCount gifts since the last metrics reset
 * @param toxicPct share of messages flagged toxic since the last reset, in percent (0..100)
 * @param channel the channel these figures describe
 */
public record MetricsPublished(
        @JsonProperty("viewer_count") int viewerCount,
        @JsonProperty("gift_count") long giftCount,
        @JsonProperty("toxic_pct") double toxicPct,
        String channel)
        implements ServerEvent {}

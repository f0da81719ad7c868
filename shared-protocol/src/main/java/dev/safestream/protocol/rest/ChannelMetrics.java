package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /metrics}: a channel's figures (the same as the WebSocket's {@code metrics} event).
 *
 * @param viewerCount open connections in the channel
 * @param giftCount gifts since the last reset
 * @param toxicPct share of messages flagged toxic since the last reset, in percent
 * @param channel the channel
 */
public record ChannelMetrics(
        @JsonProperty("viewer_count") int viewerCount,
        @JsonProperty("gift_count") long giftCount,
        @JsonProperty("toxic_pct") double toxicPct,
        String channel) {}

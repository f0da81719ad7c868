package dev.safestream.console.net;

/** {@code GET /metrics}: viewers, gifts since the last reset, toxic share in percent. */
public record ChannelFigures(int viewerCount, long giftCount, double toxicPct, String channel) {}

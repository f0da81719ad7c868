package dev.safestream.protocol.rest;

import java.util.List;

/**
 * {@code GET /api/moderation/queue?channel=&state=pending|decided}.
 *
 * @param channel the channel
 * @param state {@code pending} or {@code decided}
 * @param size how many items follow
 * @param items the held messages, oldest first
 */
public record ReviewQueuePage(String channel, String state, int size, List<ReviewItem> items) {}

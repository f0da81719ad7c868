package dev.safestream.server.chat;

import java.time.Duration;

/**
 * Chat: what a message may be, how fast users may send, what channels keep.
 *
 * @param maxMessageLength the longest chat message in characters (MAX_MESSAGE_LENGTH)
 * @param messagesPerSecond chat messages per second per user; 0 = unlimited (RATE_LIMIT_PER_SEC)
 * @param messageBurst messages a user may send in a burst (RATE_LIMIT_BURST)
 * @param catchUpEvents events kept per channel for clients that reconnect; 0 = none (CATCH_UP_EVENTS)
 * @param pipelineCapacity messages waiting for moderation before authors are told the server is busy
 *     (PIPELINE_CAPACITY)
 * @param metricsInterval how often channel figures are pushed (METRICS_INTERVAL_SECS)
 * @param openChannels whether chat in a channel nobody created opens it (OPEN_CHANNELS)
 */
public record ChatSettings(
        int maxMessageLength,
        int messagesPerSecond,
        int messageBurst,
        int catchUpEvents,
        int pipelineCapacity,
        Duration metricsInterval,
        boolean openChannels) {
    public ChatSettings {
        require(
                maxMessageLength > 0 && maxMessageLength <= 2000,
                "--max-message-length/MAX_MESSAGE_LENGTH must be between 1 and 2000");
        require(messagesPerSecond >= 0, "--rate-limit/RATE_LIMIT_PER_SEC must not be negative (0 = unlimited)");
        require(messageBurst >= 1, "--rate-burst/RATE_LIMIT_BURST must be at least 1");
        require(catchUpEvents >= 0, "--catch-up-events/CATCH_UP_EVENTS must not be negative");
        require(pipelineCapacity > 0, "--pipeline-capacity/PIPELINE_CAPACITY must be positive");
        require(metricsInterval.toMillis() >= 1, "--metrics-interval-secs/METRICS_INTERVAL_SECS must be positive");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}

package dev.safestream.server.app.chat;

import dev.safestream.server.app.cli.Seconds;
import dev.safestream.server.chat.ChatSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Chat: message size and rate, catch-up, the moderation queue, channel figures, who opens channels. */
public final class ChatOptions {
    @Option(
            names = "--max-message-length",
            defaultValue = "${env:MAX_MESSAGE_LENGTH:-500}",
            description = "Longest chat message in characters (MAX_MESSAGE_LENGTH).")
    public int maxMessageLength;

    @Option(
            names = "--rate-limit",
            defaultValue = "${env:RATE_LIMIT_PER_SEC:-5}",
            description = "Chat messages per second per user; 0 = unlimited (RATE_LIMIT_PER_SEC).")
    public int messagesPerSecond;

    @Option(
            names = "--rate-burst",
            defaultValue = "${env:RATE_LIMIT_BURST:-10}",
            description = "Messages a user may send in a burst (RATE_LIMIT_BURST).")
    public int messageBurst;

    @Option(
            names = "--catch-up-events",
            defaultValue = "${env:CATCH_UP_EVENTS:-1000}",
            description =
                    "Events kept per channel for clients that reconnect with since= (in memory, or in a Redis stream in"
                            + " cluster mode); 0 = none (CATCH_UP_EVENTS).")
    public int catchUpEvents;

    @Option(
            names = "--pipeline-capacity",
            defaultValue = "${env:PIPELINE_CAPACITY:-10000}",
            description = "Chat messages waiting for moderation; when full, authors are told the server is busy"
                    + " (PIPELINE_CAPACITY).")
    public int pipelineCapacity;

    @Option(
            names = "--metrics-interval-secs",
            defaultValue = "${env:METRICS_INTERVAL_SECS:-5}",
            converter = Seconds.class,
            description = "How often channel figures are pushed (METRICS_INTERVAL_SECS).")
    public Duration metricsInterval;

    @Option(
            names = "--open-channels",
            defaultValue = "${env:OPEN_CHANNELS:-false}",
            description = "Let viewers chat in any channel name, creating it on first use (OPEN_CHANNELS). Default:"
                    + " only channels that exist (main, and those streamers create).")
    public boolean openChannels;

    public ChatSettings settings() {
        return new ChatSettings(
                maxMessageLength,
                messagesPerSecond,
                messageBurst,
                catchUpEvents,
                pipelineCapacity,
                metricsInterval,
                openChannels);
    }
}

package dev.safestream.server.simulate;

import java.net.URI;

/**
 * How a simulated audience behaves.
 *
 * @param server the server's HTTP root, e.g. {@code http://127.0.0.1:8000}
 * @param viewers how many bot viewers
 * @param messagesPerSecond chat messages per second across the whole audience
 * @param toxicRatio share of rude (some obfuscated) messages, 0..1
 * @param giftsPerSecond gifts per second across the whole audience
 * @param channel channel to join
 * @param namePrefix prefix of every bot's username (keeps bots recognisable; may be empty)
 * @param password every bot account's password (bots register, or log in when the name exists)
 * @param seed seed for names, lines and timing, so a run can be repeated
 */
public record AudienceSettings(
        URI server,
        int viewers,
        double messagesPerSecond,
        double toxicRatio,
        double giftsPerSecond,
        String channel,
        String namePrefix,
        String password,
        long seed) {
    public AudienceSettings {
        if (viewers < 1) {
            throw new IllegalArgumentException("viewers must be at least 1");
        }
        if (messagesPerSecond < 0 || giftsPerSecond < 0) {
            throw new IllegalArgumentException("rates must not be negative");
        }
        if (toxicRatio < 0 || toxicRatio > 1) {
            throw new IllegalArgumentException("toxic ratio must be between 0 and 1");
        }
        if (password == null || password.length() < 6) {
            throw new IllegalArgumentException("bot password must be at least 6 characters");
        }
    }

    /** The small audience {@code serve --demo} brings: a couple of messages a second, a gift every few seconds. */
    public static AudienceSettings demo(URI server, int viewers) {
        return new AudienceSettings(server, viewers, 1.5, 0.1, 0.25, "main", "", "demo-audience", System.nanoTime());
    }
}

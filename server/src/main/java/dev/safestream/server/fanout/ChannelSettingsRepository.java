package dev.safestream.server.fanout;

import dev.safestream.protocol.settings.ModerationSettings;
import java.util.Map;

/** Each channel's moderation settings. Implemented by persistence. */
public interface ChannelSettingsRepository {
    /** Every stored channel's settings, read once at start-up; rows that no longer validate are left out (logged). */
    Map<String, ModerationSettings> all();

    /** Inserts or replaces a channel's settings; durable when it returns. */
    void save(String channel, ModerationSettings settings);
}

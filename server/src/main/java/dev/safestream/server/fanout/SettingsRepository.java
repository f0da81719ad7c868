package dev.safestream.server.fanout;

import java.util.Map;
import java.util.Optional;

/**
 * Durable key/value settings. Implemented by persistence. Channel flag thresholds written here by earlier versions
 * ({@code channel.NAME.flag_threshold}) are still read; channel moderation now lives in
 * {@link ChannelSettingsRepository}.
 */
public interface SettingsRepository {
    Optional<String> get(String key);

    void put(String key, String value);

    /** Every setting whose key starts with {@code prefix}. */
    Map<String, String> findByPrefix(String prefix);
}

package dev.safestream.server.chat;

import java.util.Optional;

/** Durable key/value settings (thresholds and the like). Implemented by persistence. */
public interface SettingsRepository {
    Optional<String> get(String key);

    void put(String key, String value);
}

package dev.safestream.console.actions;

import java.time.Duration;

/** The mute lengths offered one key away. */
public enum MutePreset {
    TEN_SECONDS("10 s", Duration.ofSeconds(10)),
    ONE_MINUTE("1 min", Duration.ofMinutes(1)),
    TEN_MINUTES("10 min", Duration.ofMinutes(10)),
    ONE_HOUR("1 h", Duration.ofHours(1)),
    ONE_DAY("24 h", Duration.ofHours(24));

    private final String label;
    private final Duration duration;

    MutePreset(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return label;
    }
}

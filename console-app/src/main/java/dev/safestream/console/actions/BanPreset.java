package dev.safestream.console.actions;

import java.time.Duration;

/** How long a ban lasts: until lifted, or a while ({@code duration_seconds}). */
public enum BanPreset {
    UNTIL_LIFTED("until lifted", null),
    ONE_HOUR("1 h", Duration.ofHours(1)),
    ONE_DAY("1 day", Duration.ofDays(1)),
    ONE_WEEK("1 week", Duration.ofDays(7)),
    THIRTY_DAYS("30 days", Duration.ofDays(30));

    private final String label;
    private final Duration duration;

    BanPreset(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    /** The ban's length, or null for one without end. */
    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return label;
    }
}

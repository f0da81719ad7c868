package dev.safestream.protocol.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The automatic timeout ladder: {@code strikes} blocked messages within {@code window_seconds} mute the user for the
 * next step of {@code mutes_seconds} (the last step repeats). The ladder climbs while mutes follow each other within
 * {@code reset_seconds}, then starts again at the first step. Off when {@code strikes} is 0.
 *
 * <p>Example: {@code {"strikes":3,"window_seconds":600,"mutes_seconds":[60,600,3600],"reset_seconds":86400}}.
 *
 * @param strikes blocked messages that trigger a mute; 0 = off
 * @param windowSeconds how far back blocked messages count
 * @param mutesSeconds mute length of each step
 * @param resetSeconds after this long without an automatic mute the ladder starts again at the first step
 */
public record TimeoutSettings(
        int strikes,
        @JsonProperty("window_seconds") int windowSeconds,
        @JsonProperty("mutes_seconds") List<Long> mutesSeconds,
        @JsonProperty("reset_seconds") int resetSeconds) {
    static final long MAX_MUTE_SECONDS = 365L * 24 * 3600;

    public TimeoutSettings {
        Check.range("timeouts.strikes", strikes, 0, 1000);
        Check.range("timeouts.window_seconds", windowSeconds, 1, 7 * 86_400);
        mutesSeconds = Check.list("timeouts.mutes_seconds", mutesSeconds, 10);
        for (int i = 0; i < mutesSeconds.size(); i++) {
            Check.range("timeouts.mutes_seconds[" + i + "]", mutesSeconds.get(i), 1, MAX_MUTE_SECONDS);
        }
        Check.require(strikes == 0 || !mutesSeconds.isEmpty(), "timeouts.mutes_seconds needs at least one step");
        Check.range("timeouts.reset_seconds", resetSeconds, 0, 30 * 86_400);
    }

    /** Off, with the example ladder ready to switch on by setting {@code strikes}. */
    public static TimeoutSettings off() {
        return new TimeoutSettings(0, 600, List.of(60L, 600L, 3600L), 86_400);
    }

    public boolean enabled() {
        return strikes > 0;
    }
}

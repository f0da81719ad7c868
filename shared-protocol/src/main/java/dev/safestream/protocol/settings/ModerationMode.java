package dev.safestream.protocol.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a channel does with messages the rules and thresholds let through. */
public enum ModerationMode {
    /** Deliver at once: allow, flag or block by the thresholds. The default. */
    @JsonProperty("post")
    POST,
    /** As {@link #POST}, but messages scoring in the uncertain band {@code [hold_low, flag)} are held for review. */
    @JsonProperty("hold_uncertain")
    HOLD_UNCERTAIN,
    /** Every message that is not blocked is held until a moderator approves it. */
    @JsonProperty("pre_moderate")
    PRE_MODERATE;

    /** The name in JSON: {@code post}, {@code hold_uncertain}, {@code pre_moderate}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode with this {@link #wireName()}, or empty for any other text. */
    public static Optional<ModerationMode> ofWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName().equals(name)).findFirst();
    }
}

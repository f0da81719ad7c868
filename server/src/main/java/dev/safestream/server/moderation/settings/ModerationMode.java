package dev.safestream.server.moderation.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

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
}

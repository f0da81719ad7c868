package dev.safestream.protocol.settings;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Everything a channel's moderators can tune, as stored and as {@code GET|PUT /api/channels/{channel}/moderation}
 * shows it. Immutable and validated on construction: an invalid value throws {@link IllegalArgumentException} whose
 * message names the field (the same message the server answers a bad {@code PUT} with, so the console can check an edit
 * before sending it).
 *
 * @param mode what happens to messages the rules let through
 * @param thresholds overall and per-category score thresholds
 * @param terms the channel's blocked and allowed terms
 * @param spam spam filters
 * @param slowModeSeconds minimum seconds between two messages of one user; 0 = off
 * @param users allow-list and block-list
 * @param timeouts the automatic timeout ladder
 */
public record ModerationSettings(
        ModerationMode mode,
        Thresholds thresholds,
        Terms terms,
        SpamSettings spam,
        @JsonProperty("slow_mode_seconds") int slowModeSeconds,
        UserLists users,
        TimeoutSettings timeouts) {
    public ModerationSettings {
        Check.require(mode != null, "mode must be one of post, hold_uncertain, pre_moderate");
        Check.require(thresholds != null, "thresholds are required");
        terms = terms == null ? Terms.none() : terms;
        spam = spam == null ? SpamSettings.off() : spam;
        Check.range("slow_mode_seconds", slowModeSeconds, 0, 86_400);
        users = users == null ? UserLists.none() : users;
        timeouts = timeouts == null ? TimeoutSettings.off() : timeouts;
        Check.require(
                mode != ModerationMode.HOLD_UNCERTAIN || thresholds.holdLow() != null,
                "mode hold_uncertain needs thresholds.hold_low");
    }

    /** A channel nobody configured: post mode, the server's thresholds, no rules. */
    public static ModerationSettings defaults(double flag, double block) {
        return new ModerationSettings(ModerationMode.POST, Thresholds.of(flag, block), null, null, 0, null, null);
    }

    public ModerationSettings withMode(ModerationMode changed) {
        return new ModerationSettings(changed, thresholds, terms, spam, slowModeSeconds, users, timeouts);
    }

    public ModerationSettings withThresholds(Thresholds changed) {
        return new ModerationSettings(mode, changed, terms, spam, slowModeSeconds, users, timeouts);
    }
}

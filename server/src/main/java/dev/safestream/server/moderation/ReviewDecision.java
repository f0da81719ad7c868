package dev.safestream.server.moderation;

import java.util.Locale;

/**
 * A moderator's decision on a held message, ordered from least to most restrictive: when several moderators decide
 * the same message, the most restrictive decision wins ({@link #REJECT} over {@link #HIGHLIGHT} over
 * {@link #APPROVE}).
 */
public enum ReviewDecision {
    /** Publish the message. */
    APPROVE,
    /** Publish the message, marked as highlighted. */
    HIGHLIGHT,
    /** Never publish the message. */
    REJECT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but approve, highlight, reject */
    public static ReviewDecision fromWireName(String name) {
        if (name != null) {
            for (ReviewDecision d : values()) {
                if (d.wireName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                    return d;
                }
            }
        }
        throw new IllegalArgumentException("decision must be approve, highlight or reject");
    }

    /** The review state this decision leads to on its own. */
    public ReviewState state() {
        return switch (this) {
            case APPROVE -> ReviewState.APPROVED;
            case HIGHLIGHT -> ReviewState.HIGHLIGHTED;
            case REJECT -> ReviewState.REJECTED;
        };
    }
}

package dev.safestream.server.moderation;

import java.util.Locale;

/** Where a held message stands: waiting, or the merged outcome of every decision so far. */
public enum ReviewState {
    PENDING,
    APPROVED,
    HIGHLIGHTED,
    REJECTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewState fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The state after one more decision: the more restrictive of this state and the decision's. */
    public ReviewState merge(ReviewDecision decision) {
        ReviewState next = decision.state();
        return next.ordinal() > ordinal() ? next : this;
    }

    /** Whether a message in this state may be shown to viewers. */
    public boolean publishable() {
        return this == APPROVED || this == HIGHLIGHTED;
    }
}

package dev.safestream.server.moderation;

import java.util.Locale;

/** What happens to a message after moderation. Stored with the message by its {@link #wireName()}. */
public enum Decision {
    /** Delivered to everyone. */
    ALLOW,
    /** Delivered to everyone, marked toxic. */
    FLAG,
    /** Kept from viewers until a moderator approves it; its author sees it as awaiting review. */
    HOLD,
    /** Returned to its author only, with the reason. */
    BLOCK;

    /** Lower-case name used in JSON and the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Decision fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Whether viewers see the message as soon as it is moderated. */
    public boolean delivered() {
        return this == ALLOW || this == FLAG;
    }
}

package dev.safestream.server.moderation;

/** What happens to a message after scoring. Stored with the message. */
public enum Decision {
    /** Delivered to everyone. */
    ALLOW,
    /** Delivered to everyone, marked toxic. */
    FLAG,
    /** Returned to its author only, marked blocked. */
    BLOCK
}
